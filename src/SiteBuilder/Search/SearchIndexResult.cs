namespace SiteBuilder.Search;

/// <summary>The search files of a site, and the numbers the build summary reports.</summary>
/// <param name="Files">The files, when built in memory (<see cref="SearchIndexWriter.Build"/>): index, document store,
/// their script form, and lunr.min.js. Empty when they were written straight to an output (<see cref="SearchIndexWriter.Write"/>).</param>
/// <param name="DocumentCount">Number of indexed pages.</param>
/// <param name="TermCount">Number of distinct terms in the index.</param>
/// <param name="IndexBytes">Size of <c>search/index.json</c>.</param>
/// <param name="IndexGzipBytes">Its size after gzip (what a server sends).</param>
/// <param name="DataScriptBytes">Size of <c>search/search-data.js</c>, which a reader's browser loads.</param>
public sealed record SearchIndexResult(
    IReadOnlyList<SearchOutputFile> Files,
    int DocumentCount,
    int TermCount,
    long IndexBytes,
    long IndexGzipBytes,
    long DataScriptBytes);
