using AngleSharp.Html.Parser;
using SiteBuilder.LinkCheck.Collecting;

namespace SiteBuilder.LinkCheck.Internal;

/// <summary>
/// Checks links inside the built site: the target file exists (a directory URL means its
/// <c>index.html</c>) and its <c>#fragment</c> names an <c>id</c> or <c>a[name]</c> there.
/// Anchors come from the collected documents; other HTML targets are parsed once and cached.
/// </summary>
public sealed class InternalLinkChecker
{
    private static readonly Uri SiteBase = new("https://site.invalid/");
    private readonly string _siteRoot;
    private readonly Dictionary<string, IReadOnlySet<string>> _anchors;
    private readonly Dictionary<string, bool> _exists = new(StringComparer.Ordinal);

    /// <summary>Creates a checker over a site folder and the documents collected from it.</summary>
    public InternalLinkChecker(string siteRoot, IEnumerable<HtmlDocumentLinks> documents)
    {
        _siteRoot = Path.GetFullPath(siteRoot);
        _anchors = documents.ToDictionary(d => d.Path, d => d.Anchors, StringComparer.Ordinal);
    }

    /// <summary>Checks one href written in the HTML file at <paramref name="pagePath"/> (relative to the site root).</summary>
    /// <returns>The status, and a message when it is not ok.</returns>
    public (LinkStatus Status, string? Message) Check(string pagePath, string href)
    {
        Uri target;
        try
        {
            target = new Uri(new Uri(SiteBase, EscapePath(pagePath)), href);
        }
        catch (UriFormatException)
        {
            return (LinkStatus.Broken, "malformed URL");
        }
        if (target.Host != SiteBase.Host) return (LinkStatus.Broken, "relative link leaves the site");
        string path = Uri.UnescapeDataString(target.AbsolutePath).TrimStart('/');
        string? file = ResolveFile(path);
        if (file is null) return (LinkStatus.Broken, $"target '{(path.Length == 0 ? "/" : path)}' not found");
        string fragment = target.Fragment.Length > 1 ? Uri.UnescapeDataString(target.Fragment[1..]) : "";
        // "#top" scrolls to the top of any page in every browser, with or without such an id.
        if (fragment.Length == 0 || fragment == "top" || !LinkCollector.IsHtml(file)) return (LinkStatus.Ok, null);
        return Anchors(file).Contains(fragment)
            ? (LinkStatus.Ok, null)
            : (LinkStatus.Broken, $"fragment '#{fragment}' not found in '{file}'");
    }

    private string? ResolveFile(string path)
    {
        if (path.Length == 0 || path.EndsWith('/')) return Exists(path + "index.html") ? path + "index.html" : null;
        if (Exists(path)) return path;
        // A directory linked without its trailing slash is served as its index.html.
        string index = path + "/index.html";
        return Exists(index) ? index : null;
    }

    private bool Exists(string relative)
    {
        if (_anchors.ContainsKey(relative)) return true;
        if (!_exists.TryGetValue(relative, out bool exists))
        {
            string full = Path.GetFullPath(Path.Combine(_siteRoot, relative));
            exists = full.StartsWith(_siteRoot, StringComparison.Ordinal) && File.Exists(full);
            _exists[relative] = exists;
        }
        return exists;
    }

    private IReadOnlySet<string> Anchors(string file)
    {
        if (!_anchors.TryGetValue(file, out var anchors))
        {
            var doc = LinkCollector.Collect(file, File.ReadAllText(Path.Combine(_siteRoot, file)));
            _anchors[file] = anchors = doc.Anchors;
        }
        return anchors;
    }

    private static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
