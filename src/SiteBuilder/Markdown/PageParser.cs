using Markdig;
using Markdig.Syntax;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Markdown;

/// <summary>
/// One page's text, already read and decoded, to its front matter and rendered body: the part of a build that is all
/// parsing and touches nothing else (no files, no other pages), so it can be fuzzed by the million. Every problem is a
/// diagnostic at the page's line and column; the body is null when the page cannot be built.
/// </summary>
public static class PageParser
{
    /// <summary>Parses one page.</summary>
    /// <param name="sourcePath">The page's path in the source tree (<c>pages/x.md</c>), for positions.</param>
    /// <param name="text">The page's text, any line endings.</param>
    /// <param name="extraKeys">The front-matter keys the page's section schema adds.</param>
    /// <param name="unsafeHtml">site.yml's <c>unsafe_html</c>: when false, raw HTML that runs script is an error.</param>
    /// <param name="pipeline">The Markdown pipeline (<see cref="MarkdownPipelineFactory.Default"/>).</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static (FrontMatter FrontMatter, string FrontMatterSource, MarkdownBody? Body) Parse(
        string sourcePath, string text, IReadOnlySet<string> extraKeys, bool unsafeHtml, MarkdownPipeline pipeline, DiagnosticBag diagnostics)
    {
        // Normalise line endings once so Markdig, YamlDotNet and our own columns agree.
        text = text.Replace("\r\n", "\n");
        var frontMatter = FrontMatterParser.Parse(sourcePath, text, extraKeys, diagnostics);
        string frontMatterSource = FrontMatterParser.Block(text);
        var parse = new MarkdownParserContext();
        var lines = new LineIndex(text);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, pipeline, parse);
        }
        catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
        {
            // Markdig's own limit, for what the guard does not count as a level (a pipe-table row thousands of cells
            // wide nests its cells' delimiters inside each other).
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(sourcePath, 1, 1),
                "Markdown nested too deep for the Markdown parser (very wide tables or deeply nested elements); split it up");
            return (frontMatter, frontMatterSource, null);
        }
        if (MarkdownNesting.TooDeepAt(document, parse, lines) is var (deepLine, deepColumn))
        {
            // Never rendered (no body, as for an unreadable page): Markdig's renderer recurses and throws past its limit.
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(sourcePath, deepLine, deepColumn),
                $"Markdown nested more than {MarkdownNesting.MaxDepth} levels deep here (block quotes, lists, emphasis or links inside each other)");
            return (frontMatter, frontMatterSource, null);
        }
        // Must come before the body is rendered: the markers are part of it.
        AnchorAliases.Insert(document, frontMatter, sourcePath, diagnostics);
        var body = MarkdownBodyBuilder.Build(document, pipeline, lines);
        if (!unsafeHtml) UnsafeHtml.Check(sourcePath, text, lines, document, body.Links, diagnostics);
        return (frontMatter, frontMatterSource, body);
    }

    private static bool IsMarkdigDepthLimit(ArgumentException e) =>
        e.Message.Contains("too deeply nested", StringComparison.Ordinal) && e.StackTrace?.Contains("Markdig.", StringComparison.Ordinal) == true;
}
