using AngleSharp.Html.Parser;

namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>
/// Reads every HTML file of a built site with AngleSharp and collects its links (with 1-based
/// start-tag positions) and anchors. Each file is parsed once; fragment checks reuse the anchors.
/// </summary>
public static class LinkCollector
{
    // Element → (attribute, is srcset) pairs whose values are links.
    private static readonly Dictionary<string, (string Attribute, bool Srcset)[]> Sources = new(StringComparer.Ordinal)
    {
        ["a"] = [("href", false)],
        ["area"] = [("href", false)],
        ["link"] = [("href", false)],
        ["img"] = [("src", false), ("srcset", true)],
        ["script"] = [("src", false)],
        ["source"] = [("src", false), ("srcset", true)],
        ["iframe"] = [("src", false)],
    };

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
        // Bounded to the cores: more threads would only hold more documents in memory at once.
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
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
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        // One walk over all elements collects links and anchors together: at 10k pages, selector passes add up.
        foreach (var element in document.All)
        {
            string? id = element.Id;
            if (!string.IsNullOrEmpty(id)) anchors.Add(id);
            string name = element.LocalName;
            if (!Sources.TryGetValue(name, out var attributes)) continue;
            if (name == "a" && element.GetAttribute("name") is { Length: > 0 } anchorName) anchors.Add(anchorName);
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            foreach (var (attribute, srcset) in attributes)
            {
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
        return new HtmlDocumentLinks(path, links, anchors);
    }
}
