using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteBuilder.Markdown.Extensions.WikiLinks;

/// <summary>Adds wiki links (<c>[[Target]]</c>) to a pipeline, with their renderer.</summary>
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
        // Must come before Markdig's link renderer, which would otherwise take wiki links as plain links.
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkRenderer>())
            html.ObjectRenderers.Insert(0, new WikiLinkRenderer());
    }
}
