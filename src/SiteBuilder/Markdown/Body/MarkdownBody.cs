using SiteBuilder.Content;

namespace SiteBuilder.Markdown.Body;

/// <summary>
/// What the build keeps of a page's Markdown once it is parsed: its HTML and plain text with holes for the
/// links (filled after link resolution), the links as written, its headings and every id it defines. The
/// Markdown tree itself is not kept. Immutable.
/// </summary>
public sealed class MarkdownBody
{
    /// <summary>Creates a body.</summary>
    public MarkdownBody(BodyTemplate html, BodyTemplate plainText, IReadOnlyList<MarkdownLink> links,
        IReadOnlyList<Heading> headings, IReadOnlySet<string> ids, bool hasChildList)
    {
        Html = html;
        PlainText = plainText;
        Links = links;
        Headings = headings;
        Ids = ids;
        HasChildList = hasChildList;
        HasWikiLinks = links.Any(l => l.Kind == MarkdownLinkKind.WikiLink);
    }

    /// <summary>The body HTML (without the layout), with holes.</summary>
    public BodyTemplate Html { get; }
    /// <summary>The text for search and excerpts: one line per leaf block, markup removed; with holes for wiki-link labels.</summary>
    public BodyTemplate PlainText { get; }
    /// <summary>Every link, image and autolink, in document order; holes refer to them by index.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }
    /// <summary>Headings in document order.</summary>
    public IReadOnlyList<Heading> Headings { get; }
    /// <summary>Every element id the body defines: headings, explicit <c>{#id}</c> attributes, old-anchor markers excluded.</summary>
    public IReadOnlySet<string> Ids { get; }
    /// <summary>True when the page places a <c>{{children}}</c> list itself.</summary>
    public bool HasChildList { get; }
    /// <summary>True when the body has a wiki link (the preview relinks these pages when a title changes: most have none).</summary>
    public bool HasWikiLinks { get; }

    /// <summary>True when a link of the body points at a statswiki address (it may become internal when the mirror map changes).</summary>
    public bool CitesStatswiki => Links.Any(l => l.Kind is MarkdownLinkKind.Link or MarkdownLinkKind.Image or MarkdownLinkKind.StatswikiAutolink && Linking.StatswikiUrl.IsStatswiki(l.Url));
}
