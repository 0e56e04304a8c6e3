namespace SiteBuilder.Search.Shards;

/// <summary>What a search result shows of its page (one entry of a document shard).</summary>
/// <param name="Url">The page URL relative to the site root.</param>
/// <param name="Title">The page title.</param>
/// <param name="Section">The page's section, or null.</param>
/// <param name="Excerpt">The start of the page text.</param>
public sealed record DocumentRow(string Url, string Title, string? Section, string Excerpt);
