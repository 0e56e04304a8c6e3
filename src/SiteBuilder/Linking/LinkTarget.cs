using SiteBuilder.Content;

namespace SiteBuilder.Linking;

/// <summary>What a link in a page points at after resolution.</summary>
/// <param name="Href">The href to write into the output (relative to the linking page).</param>
/// <param name="Page">The target page, for internal page links.</param>
/// <param name="Fragment">The <c>#fragment</c> without <c>#</c>, or null.</param>
public sealed record LinkTarget(string Href, Page? Page, string? Fragment);
