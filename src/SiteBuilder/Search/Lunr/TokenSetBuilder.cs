namespace SiteBuilder.Search.Lunr;

/// <summary>Builds a minimized <see cref="TokenSet"/> from words inserted in ordinal order, lunr's <c>lunr.TokenSet.Builder</c>.</summary>
public sealed class TokenSetBuilder
{
    private readonly List<(TokenSet Parent, char Char, TokenSet Child)> _unchecked = new();
    private readonly Dictionary<string, TokenSet> _minimized = new(StringComparer.Ordinal);
    private string _previousWord = "";

    /// <summary>The root of the set.</summary>
    public TokenSet Root { get; } = new();

    /// <summary>Inserts a word; throws when it sorts before the previous one.</summary>
    public void Insert(string word)
    {
        if (string.CompareOrdinal(word, _previousWord) < 0) throw new InvalidOperationException("Out of order word insertion");
        var common = 0;
        while (common < word.Length && common < _previousWord.Length && word[common] == _previousWord[common]) common++;
        Minimize(common);
        var node = _unchecked.Count == 0 ? Root : _unchecked[^1].Child;
        for (var i = common; i < word.Length; i++)
        {
            var next = new TokenSet();
            node.SetEdge(word[i], next);
            _unchecked.Add((node, word[i], next));
            node = next;
        }
        node.Final = true;
        _previousWord = word;
    }

    /// <summary>Minimizes the remaining nodes; call once after the last insertion.</summary>
    public void Finish() => Minimize(0);

    private void Minimize(int downTo)
    {
        for (var i = _unchecked.Count - 1; i >= downTo; i--)
        {
            var (parent, c, child) = _unchecked[i];
            var key = child.Key();
            if (_minimized.TryGetValue(key, out var existing)) parent.SetEdge(c, existing);
            else
            {
                child.FreezeKey(key);
                _minimized[key] = child;
            }
            _unchecked.RemoveAt(i);
        }
    }
}
