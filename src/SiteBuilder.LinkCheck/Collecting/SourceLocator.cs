using System.Net;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>
/// Maps links of one HTML file to where they are written: a link whose href matches the next
/// unused source-map entry with the same href is at that entry's Markdown position; any other
/// link (layout chrome such as navigation) is at its own position in the HTML file.
/// Not thread-safe: one instance per HTML file, fed links in document order.
/// </summary>
public sealed class SourceLocator
{
    private readonly Dictionary<string, Queue<SourceMapLink>> _pending = new(StringComparer.Ordinal);
    private readonly string _htmlPath;

    /// <summary>The Markdown source of the page, or null when the map does not know the page.</summary>
    public string? PageSource { get; }

    /// <summary>Creates a locator for one HTML file.</summary>
    /// <param name="page">The page's source-map entry, or null.</param>
    /// <param name="htmlPath">The HTML file as reported when no Markdown position is known (relative to the source root).</param>
    public SourceLocator(SourceMapPage? page, string htmlPath)
    {
        _htmlPath = htmlPath;
        PageSource = page?.Source;
        if (page is null) return;
        foreach (var link in page.Links)
        {
            // The map holds hrefs as written in the HTML file, where '&' may still be '&amp;'; AngleSharp hands back decoded values.
            string key = WebUtility.HtmlDecode(link.Href).Trim();
            if (!_pending.TryGetValue(key, out var queue)) _pending[key] = queue = new Queue<SourceMapLink>();
            queue.Enqueue(link);
        }
    }

    /// <summary>The HTML position of a link.</summary>
    public SourceLocation HtmlLocation(HtmlLink link) => new(_htmlPath, link.Line, link.Column);

    /// <summary>Where a link is written; consumes the matching source-map entry. Call once per link, in document order.</summary>
    public SourceLocation Locate(HtmlLink link)
    {
        if (PageSource is not null && _pending.TryGetValue(link.Href, out var queue) && queue.Count > 0)
        {
            var entry = queue.Dequeue();
            return new SourceLocation(PageSource, entry.Line, entry.Column);
        }
        return HtmlLocation(link);
    }
}
