namespace SiteBuilder.Search.Lunr;

/// <summary>A set of document refs with lunr's "complete" and "empty" sentinels, lunr's <c>lunr.Set</c>.</summary>
internal sealed class DocSet
{
    public static readonly DocSet Complete = new(null);
    public static readonly DocSet Empty = new(new HashSet<string>());

    private readonly HashSet<string>? _elements;

    private DocSet(HashSet<string>? elements) => _elements = elements;

    public static DocSet Of(IEnumerable<string> refs) => new(new HashSet<string>(refs, StringComparer.Ordinal));

    public bool Contains(string docRef) => _elements == null || _elements.Contains(docRef);

    public DocSet Intersect(DocSet other)
    {
        if (ReferenceEquals(this, Complete)) return other;
        if (ReferenceEquals(other, Complete)) return this;
        if (ReferenceEquals(this, Empty) || ReferenceEquals(other, Empty)) return Empty;
        var result = new HashSet<string>(_elements!, StringComparer.Ordinal);
        result.IntersectWith(other._elements!);
        return new DocSet(result);
    }

    public DocSet Union(DocSet other)
    {
        if (ReferenceEquals(this, Complete) || ReferenceEquals(other, Complete)) return Complete;
        if (ReferenceEquals(this, Empty)) return other;
        if (ReferenceEquals(other, Empty)) return this;
        var result = new HashSet<string>(_elements!, StringComparer.Ordinal);
        result.UnionWith(other._elements!);
        return new DocSet(result);
    }
}
