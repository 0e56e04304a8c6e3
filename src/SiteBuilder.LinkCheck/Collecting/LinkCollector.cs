using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>
/// Reads every HTML file of a built site with AngleSharp and collects its links (with 1-based
/// start-tag positions) and anchors. Each file is parsed once; fragment checks reuse the anchors.
/// </summary>
public static class LinkCollector
{
    // (selector, attribute, is srcset)
    private static readonly (string Selector, string Attribute, bool Srcset)[] Sources =
    [
        ("a[href]", "href", false),
        ("area[href]", "href", false),
        ("link[href]", "href", false),
        ("img[src]", "src", false),
        ("img[srcset]", "srcset", true),
        ("script[src]", "src", false),
        ("source[src]", "src", false),
        ("source[srcset]", "srcset", true),
        ("iframe[src]", "src", false),
    ];

    private static readonly string Selector = string.Join(", ", Sources.Select(s => s.Selector).Distinct());

    /// <summary>Collects every <c>*.html</c>/<c>*.htm</c> file under <paramref name="siteRoot"/>, sorted by path (ordinal).</summary>
    public static IReadOnlyList<HtmlDocumentLinks> CollectSite(string siteRoot)
    {
        string root = Path.GetFullPath(siteRoot);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(IsHtml)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var documents = new HtmlDocumentLinks[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            string text = File.ReadAllText(Path.Combine(root, files[i]));
            documents[i] = Collect(files[i], text);
        });
        return documents;
    }

    /// <summary>True for the file names this collector reads.</summary>
    public static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Collects the links and anchors of one HTML text.</summary>
    /// <param name="path">The file's path relative to the site root, with <c>/</c>.</param>
    /// <param name="html">The HTML text.</param>
    public static HtmlDocumentLinks Collect(string path, string html)
    {
        // A parser per call: HtmlParser instances are not documented as thread-safe.
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(html);
        var links = new List<HtmlLink>();
        foreach (var element in document.QuerySelectorAll(Selector))
        {
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            string name = element.LocalName;
            foreach (var (selector, attribute, srcset) in Sources)
            {
                if (!selector.StartsWith(name + "[", StringComparison.Ordinal)) continue;
                string? value = element.GetAttribute(attribute);
                if (value is null) continue;
                if (srcset)
                {
                    foreach (var url in SrcsetParser.Parse(value)) links.Add(new HtmlLink(url, name, attribute, line, column));
                }
                else
                {
                    links.Add(new HtmlLink(value.Trim(), name, attribute, line, column));
                }
            }
        }
        return new HtmlDocumentLinks(path, links, CollectAnchors(document));
    }

    private static HashSet<string> CollectAnchors(IDocument document)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]")) anchors.Add(element.Id!);
        foreach (var element in document.QuerySelectorAll("a[name]")) anchors.Add(element.GetAttribute("name")!);
        return anchors;
    }
}
