using System.Net;
using SiteBuilder.Content;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// What a label page lists: the label as written, its pages by title (then URL), and each one's line of the page's
/// HTML list. Kept with the label page (GenerateIndexPages) so that a page made anew in another's place (the preview,
/// after a title edit) moves one line (<see cref="Replace"/>) instead of the label's pages being listed again.
/// </summary>
internal sealed class LabelListing
{
    private static readonly Comparer<Page> Order = Comparer<Page>.Create((a, b) =>
        StringComparer.OrdinalIgnoreCase.Compare(a.Title, b.Title) is var c && c != 0 ? c : string.CompareOrdinal(a.Url, b.Url));

    private LabelListing(string label, string url, List<Page> pages, List<string> lines)
    {
        Label = label;
        Url = url;
        Pages = pages;
        Lines = lines;
    }

    /// <summary>The label, as its first page writes it.</summary>
    public string Label { get; }
    /// <summary>The label page's URL (the lines' links are relative to it).</summary>
    public string Url { get; }
    /// <summary>The labelled pages, by title (case-insensitive), then URL.</summary>
    public List<Page> Pages { get; }
    /// <summary>The <c>&lt;li&gt;</c> line of each page, in the same order.</summary>
    public List<string> Lines { get; }

    /// <summary>The listing of <paramref name="pages"/> (in any order) on the page of <paramref name="label"/> at <paramref name="url"/>.</summary>
    public static LabelListing Of(string label, string url, IEnumerable<Page> pages)
    {
        var sorted = pages.ToList();
        sorted.Sort(Order); // one order for the listing and for Replace; total, so an unstable sort is exact
        return new LabelListing(label, url, sorted, sorted.Select(p => Line(url, p)).ToList());
    }

    /// <summary>
    /// A new listing with <paramref name="now"/> in the place of <paramref name="old"/>, one of its pages, and moved to
    /// where its title sorts: the order is total (URLs are unique), so it is the one <see cref="Of"/> would make.
    /// </summary>
    public LabelListing Replace(Page old, Page now)
    {
        var pages = new List<Page>(Pages);
        var lines = new List<string>(Lines);
        int at = pages.IndexOf(old);
        pages.RemoveAt(at);
        lines.RemoveAt(at);
        int to = pages.BinarySearch(now, Order);
        if (to < 0) to = ~to;
        pages.Insert(to, now);
        lines.Insert(to, Line(Url, now));
        return new LabelListing(Label, Url, pages, lines);
    }

    private static string Line(string url, Page p) =>
        $"<li><a href=\"{WebUtility.HtmlEncode(Permalinks.Relative(url, p.Url))}\">{WebUtility.HtmlEncode(p.Title)}</a>" +
        (p.FrontMatter.Description is { Length: > 0 } d ? $"<span class=\"summary\"> — {WebUtility.HtmlEncode(d)}</span>" : "") + "</li>\n";
}
