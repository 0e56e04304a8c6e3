namespace SiteBuilder.Search;

/// <summary>A file the search feature adds to the site.</summary>
/// <param name="Path">Path relative to the output root, with <c>/</c>, e.g. <c>search/index.json</c>.</param>
/// <param name="Content">The bytes to write.</param>
public sealed record SearchOutputFile(string Path, byte[] Content);
