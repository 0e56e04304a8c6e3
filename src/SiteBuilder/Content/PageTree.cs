namespace SiteBuilder.Content;

/// <summary>
/// The page hierarchy, built once from the folder structure: a folder's <c>index.md</c> is the
/// parent of the folder's pages and sub-folders. Siblings are ordered by weight, then title.
/// </summary>
public sealed class PageTree
{
    private readonly Dictionary<string, Page> _byUrl;
    private readonly List<Page> _pages;

    private PageTree(Page? root, Dictionary<string, Page> byUrl, List<Page> pages)
    {
        Root = root;
        _byUrl = byUrl;
        _pages = pages;
    }

    /// <summary>The home page, if the site has one.</summary>
    public Page? Root { get; private set; }
    /// <summary>Every page, ordered by URL (ordinal).</summary>
    public IReadOnlyList<Page> Pages => _pages;

    /// <summary>The page at a site-relative URL, or null.</summary>
    public Page? ByUrl(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>The nearest page above <paramref name="url"/> (the home page last), or null; the URL need not be a page of the tree.</summary>
    public Page? NearestAbove(string url)
    {
        string u = url.TrimEnd('/');
        while (u.Length > 0)
        {
            int slash = u.LastIndexOf('/');
            u = slash < 0 ? "" : u[..slash];
            if (ByUrl(u.Length == 0 ? "" : u + "/") is { } found) return found;
        }
        return null;
    }

    /// <summary>Orders siblings: weight, then title (case-insensitive), then URL, so output is stable.</summary>
    public static int CompareSiblings(Page a, Page b)
    {
        int c = a.FrontMatter.Weight.CompareTo(b.FrontMatter.Weight);
        if (c != 0) return c;
        c = string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(a.Url, b.Url);
    }

    /// <summary>
    /// Puts <paramref name="now"/> in the place of <paramref name="old"/>, a page of this tree at the same URL (the
    /// preview, after an edit that keeps a page's URL: building the tree again is tens of milliseconds at 10 000 pages).
    /// With <paramref name="relink"/> it also takes <paramref name="old"/>'s place in the links between pages: its parent,
    /// its children, and its place among its siblings, which its weight and title order. The pages share one set of links
    /// for the trees built over them, so only one of those trees relinks.
    /// </summary>
    public void Replace(Page old, Page now, bool relink)
    {
        if (old.Url != now.Url || _byUrl.GetValueOrDefault(old.Url) != old)
            throw new ArgumentException($"{now.SourcePath} cannot take the place of {old.SourcePath}", nameof(now));
        _byUrl[now.Url] = now;
        int at = _pages.BinarySearch(old, Comparer<Page>.Create((a, b) => string.CompareOrdinal(a.Url, b.Url)));
        _pages[at] = now;
        if (Root == old) Root = now;
        if (!relink) return;
        now.Parent = old.Parent;
        now.Children.Clear();
        now.Children.AddRange(old.Children);
        foreach (var child in now.Children) child.Parent = now;
        if (now.Parent is { } parent)
        {
            parent.Children[parent.Children.IndexOf(old)] = now;
            parent.Children.Sort(CompareSiblings);
        }
    }

    /// <summary>Links every page to its parent and children. Pages must have unique URLs.</summary>
    public static PageTree Build(IEnumerable<Page> pages)
    {
        var ordered = pages.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        var byUrl = ordered.ToDictionary(p => p.Url, StringComparer.Ordinal);
        foreach (var page in ordered)
        {
            page.Parent = null;
            page.Children.Clear();
        }
        foreach (var page in ordered)
        {
            if (page.Url.Length == 0) continue;
            // The nearest ancestor folder that has a page is the parent; folders without index.md are skipped.
            string url = page.Url.TrimEnd('/');
            while (true)
            {
                int slash = url.LastIndexOf('/');
                url = slash < 0 ? "" : url[..slash];
                string candidate = url.Length == 0 ? "" : url + "/";
                if (byUrl.TryGetValue(candidate, out var parent))
                {
                    page.Parent = parent;
                    parent.Children.Add(page);
                    break;
                }
                if (url.Length == 0) break;
            }
        }
        foreach (var page in ordered) page.Children.Sort(CompareSiblings);
        return new PageTree(byUrl.GetValueOrDefault(""), byUrl, ordered);
    }
}
