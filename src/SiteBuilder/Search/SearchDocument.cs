namespace SiteBuilder.Search;

/// <summary>One page as the site search sees it.</summary>
/// <param name="Ref">A stable identity (e.g. the source path); documents are indexed in ordinal order of it.</param>
/// <param name="Url">The page URL relative to the site root, e.g. <c>dimis/about/</c>.</param>
/// <param name="Title">The page title.</param>
/// <param name="Section">The top-level section the page belongs to (e.g. <c>DIMiS</c>), or null.</param>
/// <param name="Headings">The page's heading texts.</param>
/// <param name="Body">The page text without markup.</param>
/// <param name="Labels">The page's labels (tags).</param>
public sealed record SearchDocument(
    string Ref,
    string Url,
    string Title,
    string? Section,
    IReadOnlyList<string> Headings,
    string Body,
    IReadOnlyList<string> Labels);
