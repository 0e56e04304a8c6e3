namespace SiteBuilder.Layouts;

/// <summary>A link for navigation lists (breadcrumbs, child pages, backlinks).</summary>
/// <param name="Title">Link text.</param>
/// <param name="Href">Relative href from the current page.</param>
/// <param name="Description">Optional one-line description.</param>
/// <param name="PageCount">How many pages lie below the linked page in the tree (set on child links; the home page's section cards show it).</param>
public sealed record NavLink(string Title, string Href, string? Description = null, int PageCount = 0);
