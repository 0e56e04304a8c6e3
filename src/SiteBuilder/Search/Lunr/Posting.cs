namespace SiteBuilder.Search.Lunr;

/// <summary>One term of the inverted index: its index in the field vectors (<c>_index</c>) and, per field, the documents holding it.</summary>
public sealed class Posting
{
    internal Posting(int termIndex, FieldPosting[] fields)
    {
        TermIndex = termIndex;
        Fields = fields;
    }

    /// <summary>The term's position in every field vector (lunr's <c>_index</c>).</summary>
    public int TermIndex { get; }

    /// <summary>Per field, in the order of <see cref="LunrIndex.Fields"/>.</summary>
    public IReadOnlyList<FieldPosting> Fields { get; }
}
