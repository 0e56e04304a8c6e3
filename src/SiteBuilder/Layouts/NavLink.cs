namespace SiteBuilder.Layouts;

/// <summary>A link for navigation lists (breadcrumbs, child pages, backlinks).</summary>
/// <param name="Title">Link text.</param>
/// <param name="Href">Relative href from the current page.</param>
/// <param name="Description">Optional one-line description.</param>
public sealed record NavLink(string Title, string Href, string? Description = null);
