namespace SiteBuilder.Search.Lunr;

/// <summary>The terms a result matched, by field, with their whitelisted metadata (lunr's <c>lunr.MatchData</c>).</summary>
public sealed class MatchData
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, List<object?>>>> _metadata = new(StringComparer.Ordinal);

    /// <summary>Empty match data.</summary>
    public MatchData() { }

    internal MatchData(string term, string field, IReadOnlyList<KeyValuePair<string, List<object?>>> metadata)
    {
        _metadata[term] = new(StringComparer.Ordinal) { [field] = metadata.ToDictionary(m => m.Key, m => m.Value.ToList(), StringComparer.Ordinal) };
    }

    /// <summary>Matched term → field → metadata key → values.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, Dictionary<string, List<object?>>>> Metadata => _metadata;

    internal void Add(string term, string field, IReadOnlyList<KeyValuePair<string, List<object?>>> metadata)
    {
        if (!_metadata.TryGetValue(term, out var fields)) _metadata[term] = fields = new(StringComparer.Ordinal);
        if (!fields.TryGetValue(field, out var keys)) fields[field] = keys = new(StringComparer.Ordinal);
        foreach (var (key, values) in metadata)
        {
            if (keys.TryGetValue(key, out var existing)) existing.AddRange(values);
            else keys[key] = values.ToList();
        }
    }

    internal void Combine(MatchData other)
    {
        foreach (var (term, fields) in other._metadata)
            foreach (var (field, keys) in fields)
                Add(term, field, keys.Select(k => new KeyValuePair<string, List<object?>>(k.Key, k.Value)).ToList());
    }
}
