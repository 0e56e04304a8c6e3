using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Renderers;

namespace SiteBuilder.Markdown.Extensions.NestingLimit;

/// <summary>
/// Bounds how deep Markdown may nest. Markdig throws past its own depth limit, and both its parse and our walks get
/// slower with depth (a list nested 1,000 deep took 4.5 s to parse, 5,000 deep ten minutes), so block containers stop
/// nesting just past <see cref="MarkdownNesting.MaxDepth"/> while the page is parsed, and so do open brackets and
/// emphasis delimiters; <see cref="MarkdownNesting.FirstTooDeep"/> then finds the first element past the limit.
/// </summary>
public sealed class NestingLimitExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Contains<NestingGuardBlockParser>()) return;
        // Must run last among the extensions and come first among the parsers: it must see every opening character
        // and be asked before any parser can open one more container.
        char[] openers = pipeline.BlockParsers.Where(p => p.OpeningCharacters is not null)
            .SelectMany(p => p.OpeningCharacters!).Distinct().Order().ToArray();
        pipeline.BlockParsers.Insert(0, new NestingGuardBlockParser(openers, MarkdownNesting.MaxDepth + 1));
        char[] delimiters = (pipeline.InlineParsers.Find<EmphasisInlineParser>()?.EmphasisDescriptors.Select(d => d.Character) ?? [])
            .Concat(['[', '!']).Distinct().Order().ToArray();
        pipeline.InlineParsers.Insert(0, new NestingGuardInlineParser(delimiters, MarkdownNesting.MaxDepth));
        // A given-up parse also stops between leaf blocks of the inline phase, where Markdig's slowest pattern
        // (thousands of duplicate headings: each id is checked against the earlier ones) spends its time.
        foreach (var parser in pipeline.BlockParsers) parser.Closed += CheckCancellationBeforeInlines;
    }

    private static void CheckCancellationBeforeInlines(BlockProcessor processor, Block block)
    {
        if (block is LeafBlock leaf) leaf.ProcessInlinesBegin += (_, _) => ParseCancellation.ThrowIfRequested();
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
