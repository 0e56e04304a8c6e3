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
    /// <param name="cancel">Gives the parse up (the caller reports why): the body is then null, with no diagnostic of its own.</param>
    public static (FrontMatter FrontMatter, string FrontMatterSource, MarkdownBody? Body) Parse(
        string sourcePath, string text, IReadOnlySet<string> extraKeys, bool unsafeHtml, MarkdownPipeline pipeline, DiagnosticBag diagnostics,
        CancellationToken cancel = default)
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
            document = ParseCancellation.Run(cancel, () => Markdig.Markdown.Parse(text, pipeline, parse));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return (frontMatter, frontMatterSource, null);
        }
        catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
        {
            // Markdig's own limit, met before the guard's walk can count the levels: a heading's emphasis is rendered
            // to text for its id while it is parsed, and that renderer stops at 128 levels (found by the fuzzer).
            // Markdig does not say where: the line is the first whose text, with the lines above it, is too deep.
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(sourcePath, FirstTooDeepLine(text, pipeline), 1),
                "Markdown nested too deep for the Markdown parser on this line (emphasis or links inside each other, e.g. in a heading); split it up");
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
        if (body.PlainText.Length > Safety.ReadLimits.SearchTextChars)
            diagnostics.Warning(DiagnosticCodes.SearchTextTruncated, new SourceLocation(sourcePath, 1, 1),
                $"this page has {body.PlainText.Length:N0} characters of text; search indexes the first " +
                $"{Safety.ReadLimits.SearchTextChars:N0} (split the page to make the rest searchable)");
        if (!unsafeHtml) UnsafeHtml.Check(sourcePath, text, lines, document, body.Links, diagnostics);
        return (frontMatter, frontMatterSource, body);
    }

    /// <summary>
    /// The first line at which Markdig's depth limit is reached, by bisecting on the lines before it (a prefix holds
    /// the problem once it holds its line); a page is at most 2 MiB and guarded to parse in linear time, so this costs
    /// a few parses, and only on a page already refused. Line 1 when no prefix fails on its own.
    /// </summary>
    private static int FirstTooDeepLine(string text, MarkdownPipeline pipeline)
    {
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        int low = 1, high = starts.Count; // the answer is in [low, high] when the whole text fails
        if (!Fails(starts.Count)) return 1;
        while (low < high)
        {
            int mid = low + (high - low) / 2;
            if (Fails(mid)) high = mid;
            else low = mid + 1;
        }
        return low;

        // Whether the first n lines alone reach the limit.
        bool Fails(int n)
        {
            try
            {
                Markdig.Markdown.Parse(n < starts.Count ? text[..starts[n]] : text, pipeline);
                return false;
            }
            catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
            {
                return true;
            }
        }
    }

    private static bool IsMarkdigDepthLimit(ArgumentException e) =>
        e.Message.Contains("too deeply nested", StringComparison.Ordinal) && e.StackTrace?.Contains("Markdig.", StringComparison.Ordinal) == true;
}
