using System.Collections.Concurrent;
using SiteBuilder.Content;

namespace SiteBuilder.Layouts;

/// <summary>
/// The closed entries of sidebars (neither the current page nor one of its ancestors), shared by the pages of one full
/// render. A closed entry depends only on the folder holding the current page: pages in the same folder (siblings, at
/// the same depth) link every page outside their own subtrees with the same relative address. At 10 000 pages each
/// sidebar lists a hundred entries or so, nearly all closed and the same for each page of a folder: made once per
/// folder instead of once per page, they were a sixth of what rendering the pages allocated. Not kept between renders:
/// in the preview a page's title changes in place.
/// </summary>
public sealed class SidebarNodes
{
    private readonly ConcurrentDictionary<(string Folder, Page Page), NavNode> _nodes = new();

    /// <summary>The folder holding <paramref name="current"/>'s URL: its entries are shared with the other pages of that folder.</summary>
    internal static string FolderOf(Page current) => current.Url[..(current.Url.AsSpan().TrimEnd('/').LastIndexOf('/') + 1)];

    /// <summary>
    /// The closed entry of <paramref name="page"/> in the sidebar of <paramref name="current"/>, which is in
    /// <paramref name="folder"/> (<see cref="FolderOf"/>); null when it may not be shared (it is in the current page's subtree).
    /// </summary>
    internal NavNode? Closed(string folder, Page current, Page page)
    {
        if (page.Url.AsSpan().StartsWith(current.Url.AsSpan().TrimEnd('/'))) return null;
        return _nodes.GetOrAdd((folder, page), static (key, from) => PageModelFactory.ClosedNode(key.Page, from), current.Url);
    }
}
