namespace SiteBuilder.Layouts;

/// <summary>
/// One node of the sidebar page tree. Only the current page's branch is expanded, so a page's
/// sidebar grows with its depth and its ancestors' siblings, not with the size of the site.
/// </summary>
/// <param name="Title">Page title.</param>
/// <param name="Href">Relative href from the current page.</param>
/// <param name="IsCurrent">The page being rendered.</param>
/// <param name="IsOpen">On the path to the current page (its children are listed).</param>
/// <param name="HasChildren">Whether the page has children (listed or not).</param>
/// <param name="Children">Listed children (empty unless open).</param>
public sealed record NavNode(string Title, string Href, bool IsCurrent, bool IsOpen, bool HasChildren, IReadOnlyList<NavNode> Children);
