using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace SiteBuilder.Markdown.Extensions.ScrollableTables;

/// <summary>
/// Puts each Markdown table in a box of its own that scrolls sideways when the table is wider than the screen,
/// instead of the page. Must come after the table extensions (pipe and grid tables), whose renderer it wraps.
/// </summary>
public sealed class ScrollableTableExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Find<HtmlTableRenderer>() is not { } table) return;
        html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(table));
    }
}
