using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Linking;

/// <summary>
/// Resolves wiki links: a target is a path under <c>pages/</c> without <c>.md</c> (<c>dimis/about</c>,
/// <c>dimis</c> for <c>dimis/index.md</c>) or, failing that, a page title (case-insensitive). A heading
/// may be named by its id or by its text. Immutable and thread-safe once built.
/// </summary>
public sealed class WikiLinkResolver
{
    private readonly LinkResolver _links;
    private readonly Dictionary<string, Page> _byPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Page>> _byTitle = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a resolver over the assembled page tree.</summary>
    public WikiLinkResolver(PageTree tree, LinkResolver links)
    {
        _links = links;
        foreach (var page in tree.Pages) Add(page);
    }

    private void Add(Page page)
    {
        string noExt = WithoutExtension(page.RelativePath);
        _byPath[noExt] = page;
        if (page.IsIndex) _byPath[noExt.Length > "index".Length ? noExt[..^"/index".Length] : ""] = page;
        if (page.Title.Length == 0) return;
        if (!_byTitle.TryGetValue(page.Title, out var list)) _byTitle[page.Title] = list = [];
        list.Add(page);
    }

    // A page's path as a wiki link writes it: without its .md.
    private static string WithoutExtension(string relativePath) =>
        relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath;

    /// <summary>
    /// Puts <paramref name="now"/> in the place of <paramref name="old"/>, a page at the same path (the preview, between
    /// edits, before any link is resolved), as a resolver made over the tree after <see cref="PageTree.Replace"/> would
    /// have it; false, having changed nothing, when no other page may share its old or new title (which page's casing
    /// names a shared title is the tree's order's).
    /// </summary>
    internal bool TryReplace(Page old, Page now)
    {
        if (old.RelativePath != now.RelativePath || _byPath.GetValueOrDefault(WithoutExtension(old.RelativePath)) != old) return false;
        if (old.Title.Length > 0 && !(_byTitle.TryGetValue(old.Title, out var list) && list.Count == 1 && list[0] == old)) return false;
        if (now.Title.Length > 0 && !string.Equals(old.Title, now.Title, StringComparison.OrdinalIgnoreCase) && _byTitle.ContainsKey(now.Title)) return false;
        if (old.Title.Length > 0) _byTitle.Remove(old.Title);
        Add(now);
        return true;
    }

    /// <summary>
    /// Resolves <c>[[target#fragment]]</c> written in <paramref name="from"/>. Reports SB1003 (no such page),
    /// SB1004 (title of several pages) or SB1002 (no such heading) at <paramref name="at"/> and returns null.
    /// </summary>
    public LinkTarget? Resolve(Page from, string target, string? fragment, SourceLocation at, DiagnosticBag diagnostics)
    {
        bool reported = false;
        Page? page = target.Length == 0 ? from : FindPage(target, at, diagnostics, out reported);
        if (page is null)
        {
            if (!reported)
            {
                var candidates = _byTitle.Keys.Concat(_byPath.Keys.Where(k => k.Length > 0));
                string? hint = Suggestions.Closest(target, candidates);
                diagnostics.Error(DiagnosticCodes.UnknownWikiTarget, at,
                    $"wiki link target '{target}' is neither a page title nor a page path" + (hint is null ? "" : $"; did you mean '[[{hint}]]'?"));
            }
            return null;
        }
        string? id = null;
        if (fragment is not null)
        {
            id = FindHeading(page, fragment);
            if (id is null)
            {
                var ids = _links.IdsOf(page);
                string? hint = Suggestions.Closest(fragment, ids.Concat(page.Headings.Select(h => h.Text)));
                string where = page == from ? "this page" : page.SourcePath;
                diagnostics.Error(DiagnosticCodes.BrokenFragment, at,
                    $"'#{fragment}' in wiki link '[[{target}#{fragment}]]' is not a heading or anchor in {where}" +
                    (hint is null ? "" : $"; did you mean '#{hint}'?"));
                return null;
            }
        }
        string href = (page == from ? "" : Permalinks.Relative(from.Url, page.Url)) + (id is null ? "" : "#" + id);
        return new LinkTarget(href.Length == 0 ? "./" : href, page, id);
    }

    /// <summary>The text a wiki link without a label shows: the page title, with the heading when one is named.</summary>
    public static string DefaultLabel(Page from, LinkTarget target)
    {
        if (target.Page is not { } page) return target.Href;
        string? heading = target.Fragment is null ? null
            : page.Headings.FirstOrDefault(h => h.Id == target.Fragment)?.Text ?? target.Fragment;
        if (heading is null) return page.Title;
        return page == from ? heading : $"{page.Title} § {heading}";
    }

    private Page? FindPage(string target, SourceLocation at, DiagnosticBag diagnostics, out bool reported)
    {
        reported = false;
        string path = target.Trim('/');
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) path = path[..^3];
        // A path is unambiguous, so it wins over a title that happens to read the same.
        if (_byPath.TryGetValue(path, out var byPath)) return byPath;
        if (!_byTitle.TryGetValue(target, out var pages)) return null;
        if (pages.Count == 1) return pages[0];
        reported = true;
        string options = string.Join(", ", pages.OrderBy(p => p.RelativePath, StringComparer.Ordinal)
            .Select(p => $"[[{(p.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? p.RelativePath[..^3] : p.RelativePath)}]]"));
        diagnostics.Error(DiagnosticCodes.AmbiguousWikiTarget, at, $"wiki link title '{target}' names {pages.Count} pages; write the path instead: {options}");
        return null;
    }

    private string? FindHeading(Page page, string fragment)
    {
        var ids = _links.IdsOf(page);
        // A declared old anchor works, but a wiki link can point straight at the heading it now names.
        if (page.FrontMatter.Anchors.TryGetValue(fragment, out string? current) && ids.Contains(current)) return current;
        if (ids.Contains(fragment)) return fragment;
        var byText = page.Headings.FirstOrDefault(h => h.Id.Length > 0 && string.Equals(h.Text, fragment.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byText is not null) return byText.Id;
        string slug = Slug(fragment);
        return ids.Contains(slug) ? slug : null;
    }

    /// <summary>A GitHub-style heading id: lower case, punctuation dropped, spaces to <c>-</c>.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') sb.Append(c);
            else if (c == ' ') sb.Append('-');
        }
        return sb.ToString();
    }
}
