using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>Writes a <see cref="ChildPagesBlock"/> as a list of links (nothing when the page has no children).</summary>
public sealed class ChildPagesRenderer : HtmlObjectRenderer<ChildPagesBlock>
{
    /// <inheritdoc/>
    protected override void Write(HtmlRenderer renderer, ChildPagesBlock block)
    {
        if (block.Items.Count == 0) return;
        renderer.EnsureLine();
        renderer.WriteLine("<ul class=\"child-list\">");
        foreach (var (title, href, description) in block.Items)
        {
            renderer.Write("<li><a href=\"").WriteEscapeUrl(href).Write("\">").WriteEscape(title).Write("</a>");
            if (!string.IsNullOrEmpty(description)) renderer.Write("<span class=\"summary\"> — ").WriteEscape(description).Write("</span>");
            renderer.WriteLine("</li>");
        }
        renderer.WriteLine("</ul>");
    }
}
