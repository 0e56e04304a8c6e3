namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A lunr index read by term, as the sharded search format writes it (<see cref="IndexBuilder.TakeScoredPostings"/>):
/// the terms in ordinal order with their <c>_index</c>, and each term's postings in ref order, every posting with its
/// document's field-vector value for the term in each field that holds it. The refs are the ordinals 0…n-1.
/// </summary>
internal sealed class ScoredPostings(IReadOnlyList<string> fields, Pipeline pipeline, int documentCount, IReadOnlyList<string> terms,
    int[] termIndexes, int[] data, int[] start, int[] count)
{
    /// <summary>The indexed fields, in lunr's order (bit f of a posting's field mask is field f).</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The pipeline lunr.js runs query terms through.</summary>
    public Pipeline Pipeline { get; } = pipeline;

    /// <summary>Number of documents (refs 0…n-1).</summary>
    public int DocumentCount { get; } = documentCount;

    /// <summary>The terms in ordinal (UTF-16 code unit) order, as lunr.js sorts them.</summary>
    public IReadOnlyList<string> Terms { get; } = terms;

    /// <summary>The <c>_index</c> (field-vector position) of <see cref="Terms"/>[<paramref name="t"/>].</summary>
    public int TermIndexOf(int t) => termIndexes[t];

    /// <summary>The postings of <see cref="Terms"/>[<paramref name="t"/>].</summary>
    public PostingList Of(int t)
    {
        var termIndex = termIndexes[t];
        return new PostingList(data, start[termIndex], start[termIndex + 1], count[termIndex]);
    }

    /// <summary>A field-vector value as a posting holds it: x 1000, exact since lunr rounds every value to 3 decimals.</summary>
    internal static int Scaled(double value)
    {
        var scaled = Math.Round(value * 1000);
        if (scaled / 1000 != value) throw new InvalidOperationException($"vector value {value} is not rounded to 3 decimals");
        // The boosts are the build's own (SearchOptions), so a score is far below this: int halves the lists' memory.
        if (Math.Abs(scaled) > int.MaxValue) throw new InvalidOperationException($"vector value {value} is too large for the sharded format");
        return (int)scaled;
    }
}
