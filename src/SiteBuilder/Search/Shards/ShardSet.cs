namespace SiteBuilder.Search.Shards;

/// <summary>The files <see cref="ShardWriter"/> wrote, and where each term's data went.</summary>
/// <param name="Files">Every file, in the order written.</param>
/// <param name="TermCount">Number of terms.</param>
/// <param name="TermShardOf">Per term (ordinal order), the number of its term shard.</param>
/// <param name="MoreShardOf">Per term, the numbers of the <c>more/</c> files of its tail, every part (none for a short list).</param>
/// <param name="Terms">The terms, in ordinal order.</param>
public sealed record ShardSet(IReadOnlyList<ShardSetFile> Files, int TermCount, IReadOnlyList<int> TermShardOf,
    IReadOnlyList<IReadOnlyList<int>> MoreShardOf, IReadOnlyList<string> Terms);

/// <summary>One file of a <see cref="ShardSet"/>.</summary>
/// <param name="Id">The id it registers (its path under the search folder without <c>.js</c>), e.g. <c>terms/3</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="GzipBytes">Its size gzipped (what a server sends).</param>
public sealed record ShardSetFile(string Id, long Bytes, long GzipBytes);
