using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteBuilder.Markdown.Extensions.ScrollableTables;

/// <summary>
/// Writes a table as Markdig does, inside <c>&lt;div class="table-scroll" tabindex="0"&gt;</c>: a box that scrolls
/// must be focusable, so keyboard readers can scroll it too (WCAG 2.1.1; axe's <c>scrollable-region-focusable</c>).
/// </summary>
public sealed class ScrollableTableRenderer(HtmlTableRenderer inner) : HtmlObjectRenderer<Table>
{
    /// <inheritdoc/>
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        if (renderer.EnableHtmlForBlock) renderer.EnsureLine().Write("<div class=\"table-scroll\" tabindex=\"0\">").WriteLine();
        inner.Write(renderer, table);
        if (renderer.EnableHtmlForBlock) renderer.EnsureLine().Write("</div>").WriteLine();
    }
}
