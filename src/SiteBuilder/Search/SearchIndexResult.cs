namespace SiteBuilder.Search;

/// <summary>The search files of a site, and the numbers the build summary and the budget check use.</summary>
/// <param name="Files">The files, when built in memory (<see cref="SearchIndexWriter.Build"/>), in the order written.
/// Empty when they were written straight to an output or handed out one by one (<see cref="SearchIndexWriter.Write(IReadOnlyList{SearchDocument}, SearchOptions, Output.SiteOutput)"/>).</param>
/// <param name="DocumentCount">Number of indexed pages.</param>
/// <param name="TermCount">Number of distinct terms in the index.</param>
/// <param name="FileCount">Number of files under <c>search/</c>.</param>
/// <param name="TotalBytes">Their size on disk.</param>
/// <param name="TotalGzipBytes">Their size gzipped, file by file.</param>
/// <param name="LargestQuery">The one-word query that fetches the most.</param>
public sealed record SearchIndexResult(
    IReadOnlyList<SearchOutputFile> Files,
    int DocumentCount,
    int TermCount,
    int FileCount,
    long TotalBytes,
    long TotalGzipBytes,
    SearchQueryCost LargestQuery);

/// <summary>What one query fetches before its first results are shown.</summary>
/// <param name="Term">The index term of the query (lunr's stemmed form).</param>
/// <param name="GzipBytes">Gzipped bytes of every file it loads: lunr.min.js, the loader, the manifest, its term
/// shards and the document shards of the results a search box shows.</param>
public sealed record SearchQueryCost(string Term, long GzipBytes);
