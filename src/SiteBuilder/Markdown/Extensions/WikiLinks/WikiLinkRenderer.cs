using Markdig.Renderers;
using Markdig.Renderers.Html;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Markdown.Extensions.WikiLinks;

/// <summary>
/// Writes a <see cref="WikiLinkInline"/> as <c>&lt;a href="…"&gt;label&lt;/a&gt;</c>. Under a
/// <see cref="BodyHtmlRenderer"/> the href, and the label of a link written without one, are holes that link
/// resolution fills; elsewhere the link's own URL and text are written.
/// </summary>
public sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    /// <inheritdoc/>
    protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
    {
        var body = renderer as BodyHtmlRenderer;
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<a href=\"");
            if (body?.TryRecord(link, HoleKind.Href) != true) renderer.WriteEscapeUrl(link.Url);
            renderer.Write("\"");
            renderer.WriteAttributes(link);
            renderer.Write(">");
        }
        if (link.ExplicitLabel is not null || body?.TryRecord(link, HoleKind.Label) != true) renderer.WriteChildren(link);
        if (renderer.EnableHtmlForInline) renderer.Write("</a>");
    }
}
