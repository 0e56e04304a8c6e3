using System.Text;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A finite state automaton over characters, lunr's <c>lunr.TokenSet</c>: the index's vocabulary as a minimized
/// trie, and query terms (exact, wildcard, fuzzy) as automata to intersect with it.
/// Edges are enumerated in JavaScript key order (digit characters first), as lunr's <c>Object.keys</c> does,
/// because that order decides the order of expanded terms and so of tied results.
/// </summary>
public sealed class TokenSet
{
    private static int s_nextId = 1;
    private readonly List<KeyValuePair<char, TokenSet>> _edges = new(2);
    private string? _key;

    /// <summary>Creates an empty, non-final node.</summary>
    public TokenSet() => Id = Interlocked.Increment(ref s_nextId);

    /// <summary>True when a word ends at this node.</summary>
    public bool Final { get; set; }

    internal int Id { get; }

    internal bool TryGetEdge(char c, out TokenSet node)
    {
        foreach (var e in _edges)
        {
            if (e.Key == c) { node = e.Value; return true; }
        }
        node = null!;
        return false;
    }

    internal void SetEdge(char c, TokenSet node)
    {
        for (var i = 0; i < _edges.Count; i++)
        {
            if (_edges[i].Key == c) { _edges[i] = new(c, node); return; }
        }
        _edges.Add(new(c, node));
    }

    internal TokenSet GetOrAddEdge(char c)
    {
        if (TryGetEdge(c, out var node)) return node;
        node = new TokenSet();
        _edges.Add(new(c, node));
        return node;
    }

    // Object.keys order: the single-digit keys are array indices, enumerated first in numeric order.
    internal IReadOnlyList<KeyValuePair<char, TokenSet>> Edges
    {
        get
        {
            var sawOther = false;
            var last = '\0';
            foreach (var e in _edges)
            {
                if (e.Key is >= '0' and <= '9')
                {
                    if (sawOther || e.Key <= last) return Reordered();
                    last = e.Key;
                }
                else sawOther = true;
            }
            return _edges;
        }
    }

    private List<KeyValuePair<char, TokenSet>> Reordered() =>
        _edges.Where(e => e.Key is >= '0' and <= '9').OrderBy(e => e.Key)
            .Concat(_edges.Where(e => e.Key is not (>= '0' and <= '9'))).ToList();

    /// <summary>Builds the set of the given words, which must be in ordinal order.</summary>
    public static TokenSet FromArray(IEnumerable<string> sortedWords)
    {
        var builder = new TokenSetBuilder();
        foreach (var w in sortedWords) builder.Insert(w);
        builder.Finish();
        return builder.Root;
    }

    /// <summary>An automaton for one term; <c>*</c> matches any run of characters.</summary>
    public static TokenSet FromString(string str)
    {
        var node = new TokenSet();
        var root = node;
        for (var i = 0; i < str.Length; i++)
        {
            var c = str[i];
            var final = i == str.Length - 1;
            if (c == '*')
            {
                node.SetEdge(c, node);
                node.Final = final;
            }
            else
            {
                var next = new TokenSet { Final = final };
                node.SetEdge(c, next);
                node = next;
            }
        }
        return root;
    }

    /// <summary>An automaton for every string within <paramref name="editDistance"/> edits of <paramref name="str"/>, built as lunr does.</summary>
    public static TokenSet FromFuzzyString(string str, int editDistance)
    {
        var root = new TokenSet();
        var stack = new Stack<(TokenSet Node, int Edits, string Str)>();
        stack.Push((root, editDistance, str));
        while (stack.Count > 0)
        {
            var (node, edits, s) = stack.Pop();
            if (s.Length > 0)
            {
                var noEdit = node.GetOrAddEdge(s[0]);
                if (s.Length == 1) noEdit.Final = true;
                stack.Push((noEdit, edits, s.Substring(1)));
            }
            if (edits == 0) continue;

            // insertion
            var insertion = node.GetOrAddEdge('*');
            if (s.Length == 0) insertion.Final = true;
            stack.Push((insertion, edits - 1, s));

            // deletion
            if (s.Length > 1) stack.Push((node, edits - 1, s.Substring(1)));
            if (s.Length == 1) node.Final = true;

            // substitution
            if (s.Length >= 1)
            {
                var substitution = node.GetOrAddEdge('*');
                if (s.Length == 1) substitution.Final = true;
                stack.Push((substitution, edits - 1, s.Substring(1)));
            }

            // transposition
            if (s.Length > 1)
            {
                var transpose = node.GetOrAddEdge(s[1]);
                stack.Push((transpose, edits - 1, s[0] + s.Substring(2)));
            }
        }
        return root;
    }

    /// <summary>Every word the set accepts, in lunr's traversal order.</summary>
    public List<string> ToArray()
    {
        var words = new List<string>();
        var stack = new Stack<(string Prefix, TokenSet Node)>();
        stack.Push(("", this));
        while (stack.Count > 0)
        {
            var (prefix, node) = stack.Pop();
            if (node.Final) words.Add(prefix);
            foreach (var e in node.Edges) stack.Push((prefix + e.Key, e.Value));
        }
        return words;
    }

    /// <summary>The intersection with a query automaton <paramref name="b"/> (whose <c>*</c> edges match any character).</summary>
    public TokenSet Intersect(TokenSet b)
    {
        var output = new TokenSet();
        var stack = new Stack<(TokenSet QNode, TokenSet Output, TokenSet Node)>();
        stack.Push((b, output, this));
        while (stack.Count > 0)
        {
            var (qNode, outNode, node) = stack.Pop();
            var qEdges = qNode.Edges;
            var nEdges = node.Edges;
            foreach (var q in qEdges)
            {
                foreach (var n in nEdges)
                {
                    if (n.Key != q.Key && q.Key != '*') continue;
                    var final = n.Value.Final && q.Value.Final;
                    if (outNode.TryGetEdge(n.Key, out var next)) next.Final = next.Final || final;
                    else
                    {
                        next = new TokenSet { Final = final };
                        outNode._edges.Add(new(n.Key, next));
                    }
                    stack.Push((q.Value, next, n.Value));
                }
            }
        }
        return output;
    }

    /// <summary>
    /// The node's key for minimization: finality, then each sorted edge label with its target's id. lunr.js writes
    /// no separator after the id, so with digit labels two different nodes can share a key ("3" + "12" and "31" + "2")
    /// and be merged, adding words that are not in the index (lunr.js then fails on <c>*</c> queries). The comma
    /// makes the key unambiguous; only the automaton's shape depends on it, never the serialized index.
    /// </summary>
    internal string Key()
    {
        if (_key != null) return _key;
        var sb = new StringBuilder(Final ? "1" : "0");
        foreach (var e in _edges.OrderBy(e => e.Key)) sb.Append(e.Key).Append(e.Value.Id).Append(',');
        return sb.ToString();
    }

    internal void FreezeKey(string key) => _key = key;
}
