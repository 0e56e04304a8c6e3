using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Linking;

/// <summary>
/// Resolves links written in Markdown to output hrefs: relative <c>.md</c> links, site paths
/// (<c>/dimis/</c>), files under <c>pages/</c>, and <c>#fragments</c>, which are checked against the
/// target's heading ids and declared anchors. Built once per build; immutable and thread-safe.
/// </summary>
public sealed class LinkResolver
{
    private readonly Dictionary<string, Page> _byRelativePath;
    private readonly PageTree _tree;
    private readonly HashSet<string> _assets;
    private readonly Dictionary<Page, HashSet<string>> _ids;

    /// <summary>Creates a resolver over the site's pages and asset files.</summary>
    /// <param name="tree">The assembled page tree.</param>
    /// <param name="assets">Non-page files under <c>pages/</c>.</param>
    /// <param name="idsOf">Every id a page defines (headings, explicit ids, declared anchors).</param>
    public LinkResolver(PageTree tree, IEnumerable<string> assets, Func<Page, IEnumerable<string>> idsOf)
    {
        _tree = tree;
        _byRelativePath = tree.Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        _assets = assets.ToHashSet(StringComparer.Ordinal);
        _ids = tree.Pages.ToDictionary(p => p, p => idsOf(p).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>True when this resolver was made over <paramref name="tree"/> (this very object).</summary>
    internal bool Over(PageTree tree) => _tree == tree;

    /// <summary>
    /// Brings the resolver up to date with its tree (the preview, between edits, before any link is resolved): the pages of
    /// <paramref name="pages"/> that took another's place there (<see cref="PageTree.Replace"/>) replace it here, and
    /// they and those <paramref name="reread"/> says so of get their ids from <paramref name="idsOf"/> again. False,
    /// having changed nothing, when a page is not one of its paths (the set of pages changed: make a new one).
    /// </summary>
    internal bool Update(IReadOnlyCollection<Page> pages, Func<Page, bool> reread, Func<Page, IEnumerable<string>> idsOf)
    {
        if (pages.Any(p => !_byRelativePath.ContainsKey(p.RelativePath))) return false;
        foreach (var page in pages)
        {
            var old = _byRelativePath[page.RelativePath];
            if (old == page && !reread(page)) continue;
            _byRelativePath[page.RelativePath] = page;
            _ids.Remove(old);
            _ids[page] = idsOf(page).ToHashSet(StringComparer.Ordinal);
        }
        return true;
    }

    /// <summary>True for URLs with a scheme (<c>https:</c>, <c>mailto:</c>) or protocol-relative ones.</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ||
        (url.IndexOf(':') is var colon and > 1 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'));

    /// <summary>The ids a page defines.</summary>
    public IReadOnlySet<string> IdsOf(Page page) => _ids.TryGetValue(page, out var set) ? set : new HashSet<string>();

    /// <summary>The ids of a page this resolver was made with (this very object); false for any other.</summary>
    public bool TryGetIds(Page page, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlySet<string>? ids)
    {
        bool known = _ids.TryGetValue(page, out var set);
        ids = set;
        return known;
    }

    /// <summary>
    /// Resolves one internal link written in <paramref name="from"/>. Returns null and reports a
    /// diagnostic at <paramref name="at"/> when the target or fragment does not exist.
    /// </summary>
    public LinkTarget? Resolve(Page from, string url, SourceLocation at, DiagnosticBag diagnostics)
    {
        string path = url, fragment = "";
        int hash = url.IndexOf('#');
        if (hash >= 0) (path, fragment) = (url[..hash], url[(hash + 1)..]);
        string query = "";
        int q = path.IndexOf('?');
        if (q >= 0) (path, query) = (path[..q], path[q..]);
        path = Uri.UnescapeDataString(path);

        if (path.Length == 0)
        {
            // A same-page fragment.
            return CheckFragment(from, from, fragment, url, at, diagnostics)
                ? new LinkTarget(url, from, fragment.Length > 0 ? fragment : null)
                : null;
        }

        string baseDir = from.RelativePath.Contains('/') ? from.RelativePath[..from.RelativePath.LastIndexOf('/')] : "";
        string? joined = path.StartsWith('/') ? path.TrimStart('/') : Join(baseDir, path);
        if (joined is null)
        {
            diagnostics.Error(DiagnosticCodes.BrokenLink, at, $"link target '{path}' leaves the pages/ folder");
            return null;
        }

        Page? target = null;
        if (joined.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) target = _byRelativePath.GetValueOrDefault(joined);
        else if (path.StartsWith('/') || path.EndsWith('/'))
            target = _tree.ByUrl(joined.Length == 0 || joined.EndsWith('/') ? joined : joined + "/")
                     ?? _byRelativePath.GetValueOrDefault(joined.TrimEnd('/') + (joined.Length == 0 ? "index.md" : "/index.md"));
        else if (_assets.Contains(joined))
        {
            // Files under pages/ are copied to the same place under the output.
            string href = Relative(from.Url, joined) + query + (hash >= 0 ? "#" + fragment : "");
            return new LinkTarget(href, null, null);
        }

        if (target is null)
        {
            var candidates = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? _byRelativePath.Keys.Select(k => RelativeFrom(baseDir, k))
                : _tree.Pages.Select(p => "/" + p.Url);
            string? hint = Suggestions.Closest(path, candidates);
            diagnostics.Error(DiagnosticCodes.BrokenLink, at,
                $"link target '{path}' not found" + (hint is null ? "" : $"; did you mean '{hint}'?"));
            return null;
        }
        if (!CheckFragment(from, target, fragment, url, at, diagnostics)) return null;
        string result = Permalinks.Relative(from.Url, target.Url) + query + (hash >= 0 ? "#" + fragment : "");
        return new LinkTarget(result, target, fragment.Length > 0 ? fragment : null);
    }

    private bool CheckFragment(Page from, Page target, string fragment, string url, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (fragment.Length == 0) return true;
        var ids = IdsOf(target);
        string decoded = Uri.UnescapeDataString(fragment);
        if (ids.Contains(decoded)) return true;
        string? hint = Suggestions.Closest(decoded, ids);
        string where = target == from ? "this page" : target.SourcePath;
        diagnostics.Error(DiagnosticCodes.BrokenFragment, at,
            $"'#{decoded}' is not a heading or anchor in {where}" + (hint is null ? "" : $"; did you mean '#{hint}'?"));
        return false;
    }

    /// <summary>Joins a relative path onto a folder, resolving <c>.</c> and <c>..</c>; null when it climbs out.</summary>
    internal static string? Join(string baseDir, string relative)
    {
        // One pass over the segments into a buffer (this runs for every link of the site).
        var sb = new System.Text.StringBuilder(baseDir.Length + relative.Length + 1);
        foreach (var range in baseDir.AsSpan().Split('/')) Append(sb, baseDir.AsSpan()[range]);
        foreach (var range in relative.AsSpan().Split('/'))
        {
            var part = relative.AsSpan()[range];
            if (part is "" or ".") continue;
            if (part is "..")
            {
                if (sb.Length == 0) return null;
                int slash = LastSlash(sb);
                sb.Length = slash < 0 ? 0 : slash;
            }
            else Append(sb, part);
        }
        if (relative.EndsWith('/') && sb.Length > 0) sb.Append('/');
        return sb.ToString();

        static void Append(System.Text.StringBuilder sb, ReadOnlySpan<char> part)
        {
            if (part.IsEmpty) return;
            if (sb.Length > 0) sb.Append('/');
            sb.Append(part);
        }

        static int LastSlash(System.Text.StringBuilder sb)
        {
            for (int i = sb.Length - 1; i >= 0; i--) if (sb[i] == '/') return i;
            return -1;
        }
    }

    private static string Relative(string fromUrl, string filePath) => Permalinks.Relative(fromUrl, filePath);

    private static string RelativeFrom(string baseDir, string target)
    {
        if (baseDir.Length == 0) return target;
        var from = baseDir.Split('/');
        var to = target.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
    }
}
