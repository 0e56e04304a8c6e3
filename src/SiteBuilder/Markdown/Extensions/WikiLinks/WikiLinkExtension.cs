using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteBuilder.Markdown.Extensions.WikiLinks;

/// <summary>Adds wiki links (<c>[[Target]]</c>) to a pipeline. Rendering is Markdig's own link renderer.</summary>
public sealed class WikiLinkExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Must come before the standard link parser, which would otherwise take "[[" as two link openers.
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
