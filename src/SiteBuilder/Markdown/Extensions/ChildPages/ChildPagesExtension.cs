using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>Adds the <c>{{children}}</c> block (a list of the page's child pages).</summary>
public sealed class ChildPagesExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Must come before the paragraph parser, which would otherwise keep the line as text.
        if (!pipeline.BlockParsers.Contains<ChildPagesBlockParser>())
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new ChildPagesBlockParser());
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ChildPagesRenderer>())
            html.ObjectRenderers.Insert(0, new ChildPagesRenderer());
    }
}
