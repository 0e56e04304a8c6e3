using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Writes a redirect stub at the path of every mirrored statswiki <c>/display/…</c> address and every
/// <c>aliases:</c> entry, one stub for all <c>pageId</c> addresses (<c>pages/viewpage.action/</c>), and a
/// <c>_redirects</c> file (Netlify/Cloudflare format, sorted) listing every mapping. It reads the output (so it runs
/// after every other step that adds to it): a stub never overwrites a page or file.
/// </summary>
public sealed class WriteRedirects : IBuildStep
{
    /// <summary>Where the <c>pageId</c> stub lives.</summary>
    public const string PageIdStubUrl = "pages/viewpage.action/";

    /// <inheritdoc/>
    public string Name => nameof(WriteRedirects);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages, BuildProducts.StatswikiMap, BuildProducts.Output];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var config = context.Config;
        string basePath = config.BasePath; // "/" or "/mirror/"
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        var pageIds = new List<(long Id, string Title, string Url)>();

        foreach (var mapping in context.StatswikiMap.Mappings)
        {
            var page = mapping.Page;
            if (mapping.Parsed.PageId is long id)
            {
                pageIds.Add((id, page.Title, page.Url));
                rules.Add($"{basePath}pages/viewpage.action pageId={id} {basePath}{page.Url} 301");
                rules.Add($"{basePath}plugins/viewsource/viewpagesrc.action pageId={id} {basePath}{page.Url} 301");
                continue;
            }
            string? stubUrl = StubUrl(mapping.Parsed.Path);
            var at = StatswikiLocation(page, mapping.Url);
            if (ClimbProblem(mapping.Parsed.Path) is { } climb)
            {
                context.Diagnostics.Error(DiagnosticCodes.PathOutsideOutput, at,
                    $"no redirect stub for '{mapping.Url}': decoded, its path {climb}, which would leave the output folder");
                continue;
            }
            if (stubUrl is null)
            {
                context.Diagnostics.Warning(DiagnosticCodes.StatswikiUrl, at,
                    $"no redirect stub for '{mapping.Url}': its path cannot be a portable file name");
                continue;
            }
            if (AddStub(context, stubUrl, page, at, mapping.Declared))
                rules.Add($"{basePath}{mapping.Parsed.Path.TrimStart('/')} {basePath}{page.Url} 301");
        }
        foreach (var page in context.Pages.OrderBy(p => p.SourcePath, StringComparer.Ordinal))
        {
            foreach (var (alias, at) in page.FrontMatter.Aliases)
            {
                string url = AssemblePages.NormaliseAlias(alias);
                // AssemblePages already reported aliases that leave the output, are page URLs or are claimed twice.
                if (url.Length == 0 || AssemblePages.AliasProblem(url) is not null || context.Tree.ByUrl(url) is not null) continue;
                if (AddStub(context, url, page, at, report: true))
                    rules.Add($"{basePath}{url.TrimEnd('/')} {basePath}{page.Url} 301");
            }
        }
        if (pageIds.Count > 0)
        {
            pageIds.Sort((a, b) => a.Id.CompareTo(b.Id));
            context.AddOutput(OutputFile.Text(Permalinks.OutputPath(PageIdStubUrl),
                RedirectStub.ForPageIds(PageIdStubUrl, pageIds, config.Language)));
        }
        if (rules.Count > 0)
            context.AddOutput(OutputFile.Text("_redirects", string.Concat(rules.Select(r => r + "\n"))));
    }

    private static bool AddStub(BuildContext context, string stubUrl, Page page, SourceLocation at, bool report)
    {
        string path = Permalinks.OutputPath(stubUrl);
        // A stub is a folder's index.html: a folder on its way that the site writes as a file (an alias of
        // 'sitemap.xml', 'robots.txt' or a theme asset) could not be written; say so at the alias, not at the output.
        for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            string folder = path[..slash];
            if (!context.Output.Contains(folder)) continue;
            if (report)
                context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, at, $"the redirect for '/{stubUrl}' needs a folder '{folder}', which the site already writes as a file");
            return false;
        }
        string html = RedirectStub.To(page.Title, Permalinks.Relative(stubUrl, page.Url), context.Config.BaseUrl is { } baseUrl ? baseUrl + page.Url : null, context.Config.Language);
        if (context.Output.TryAdd(path, html)) return true;
        if (report)
            context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, at, $"the redirect for '/{stubUrl}' would overwrite '{path}', which the site already writes");
        return false;
    }

    /// <summary>
    /// The stub folder of a <c>/display/…</c> path, decoded the way a web server maps a request to a file
    /// (<c>%20</c> → space, <c>+</c> stays); null when a part could not be a portable file name.
    /// </summary>
    public static string? StubUrl(string displayPath)
    {
        var sb = new StringBuilder();
        foreach (string raw in displayPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string part = Uri.UnescapeDataString(raw);
            if (Safety.OutputPaths.SegmentProblem(part) is not null || part.Any(c => "<>:\"\\|?*".Contains(c))) return null;
            sb.Append(part).Append('/');
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// Null unless a part of the <c>/display/…</c> path, percent-decoded as a web server does, climbs or splits
    /// (<c>%2e%2e</c>, <c>%2f</c>, a backslash): then what it does.
    /// </summary>
    public static string? ClimbProblem(string displayPath)
    {
        foreach (string raw in displayPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string part = Uri.UnescapeDataString(raw);
            if (part is "." or "..") return $"has a '{part}' part";
            if (part.Contains('/') || part.Contains('\\')) return "has an encoded '/' or '\\' in a part";
        }
        return null;
    }

    private static SourceLocation StatswikiLocation(Page page, string url) =>
        page.FrontMatter.Statswiki.FirstOrDefault(s => s.Url == url).Location
        ?? page.FrontMatter.KeyLocations.GetValueOrDefault("statswiki", new SourceLocation(page.SourcePath, 1, 1));
}
