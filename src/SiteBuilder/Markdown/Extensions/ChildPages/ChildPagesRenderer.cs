using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>
/// Leaves a hole for a <see cref="ChildPagesBlock"/> under a <see cref="BodyHtmlRenderer"/> (the children are
/// only known once the page tree is assembled); <see cref="ListHtml"/> writes what fills it.
/// </summary>
public sealed class ChildPagesRenderer : HtmlObjectRenderer<ChildPagesBlock>
{
    /// <inheritdoc/>
    protected override void Write(HtmlRenderer renderer, ChildPagesBlock block)
    {
        if (renderer is not BodyHtmlRenderer body) return;
        renderer.EnsureLine();
        body.Record(HoleKind.ChildList, -1);
    }

    /// <summary>The list of child pages (title, href relative to the page, description); empty when there are none.</summary>
    public static string ListHtml(IEnumerable<(string Title, string Href, string? Description)> items)
    {
        var sb = new StringBuilder();
        foreach (var (title, href, description) in items)
        {
            if (sb.Length == 0) sb.Append("<ul class=\"child-list\">\n");
            sb.Append("<li><a href=\"").Append(HtmlEscaping.Url(href)).Append("\">").Append(HtmlEscaping.Text(title)).Append("</a>");
            if (!string.IsNullOrEmpty(description)) sb.Append("<span class=\"summary\"> — ").Append(HtmlEscaping.Text(description)).Append("</span>");
            sb.Append("</li>\n");
        }
        if (sb.Length > 0) sb.Append("</ul>\n");
        return sb.ToString();
    }
}
