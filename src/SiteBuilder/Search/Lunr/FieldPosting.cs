namespace SiteBuilder.Search.Lunr;

/// <summary>The documents holding a term in one field, with the whitelisted token metadata for each.</summary>
public sealed class FieldPosting
{
    internal static readonly FieldPosting Empty = new(Array.Empty<string>(), null);

    internal FieldPosting(IReadOnlyList<string> refs, IReadOnlyList<KeyValuePair<string, List<object?>>>?[]? metadata)
    {
        Refs = refs;
        Metadata = metadata;
    }

    /// <summary>Document refs in JavaScript key order (the order <c>Object.keys</c> gives in lunr.js).</summary>
    public IReadOnlyList<string> Refs { get; }

    /// <summary>Per ref (same order), the metadata lists by key, or null when nothing is stored.</summary>
    internal IReadOnlyList<KeyValuePair<string, List<object?>>>?[]? Metadata { get; }

    /// <summary>The metadata of the ref at <paramref name="i"/>: key → one value per occurrence.</summary>
    public IReadOnlyList<KeyValuePair<string, List<object?>>> MetadataAt(int i) =>
        Metadata?[i] ?? (IReadOnlyList<KeyValuePair<string, List<object?>>>)Array.Empty<KeyValuePair<string, List<object?>>>();
}
