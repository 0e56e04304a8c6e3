namespace SiteBuilder.Search.Lunr;

/// <summary>
/// One term's postings in a <see cref="ScoredPostings"/>: <paramref name="Count"/> postings, each laid out as ref, field
/// mask, value x 1000 per field of the mask, from <c>Data[Start]</c> to <c>Data[End]</c>, in ref order.
/// </summary>
internal readonly record struct PostingList(int[] Data, int Start, int End, int Count);
