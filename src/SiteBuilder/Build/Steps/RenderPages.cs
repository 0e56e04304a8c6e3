using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Markdown;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Renders each page's (link-resolved) Markdown tree to HTML, records the links the content wrote
/// with their Markdown positions (for the link checker's source map), and extracts plain text.
/// </summary>
public sealed class RenderPages : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(RenderPages);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var pipeline = MarkdownPipelineFactory.Default;
        Parallel.ForEach(context.Pages, page =>
        {
            if (page.Document is null) return;
            var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            pipeline.Setup(renderer);
            renderer.Render(page.Document);
            writer.Flush();
            page.ContentHtml = writer.ToString();
            page.PlainText = MarkdownText.PlainText(page.Document);
            page.ContentLinks.Clear();
            foreach (var inline in page.Document.Descendants<Inline>())
            {
                switch (inline)
                {
                    case LinkInline link when !string.IsNullOrEmpty(link.Url):
                        page.ContentLinks.Add((link.Url, link.Line + 1, link.Column + 1));
                        break;
                    case AutolinkInline auto:
                        page.ContentLinks.Add((auto.IsEmail ? "mailto:" + auto.Url : auto.Url, auto.Line + 1, auto.Column + 1));
                        break;
                }
            }
        });
    }
}
