using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteBuilder.Markdown.Extensions.NestingLimit;

/// <summary>
/// Asked first at every place a block may start: once the open containers are <see cref="Cap"/> deep, the rest of the
/// line becomes paragraph text instead of one more block quote or list. The page fails anyway (the tree is then deeper
/// than the limit); this only keeps the parse of a hostile page linear.
/// </summary>
public sealed class NestingGuardBlockParser : BlockParser
{
    private ParagraphBlockParser? _paragraphs;

    /// <summary>Creates the guard for <paramref name="openingCharacters"/> (every block parser's).</summary>
    public NestingGuardBlockParser(char[] openingCharacters, int cap)
    {
        OpeningCharacters = openingCharacters;
        Cap = cap;
    }

    /// <summary>How many containers may be open before the guard turns the rest of a line into text.</summary>
    public int Cap { get; }

    /// <inheritdoc/>
    public override BlockState TryOpen(BlockProcessor processor)
    {
        ParseCancellation.ThrowIfRequested();
        int depth = 0;
        for (Block? b = processor.CurrentContainer; b is not null and not MarkdownDocument && depth < Cap; b = b.Parent) depth++;
        if (depth < Cap) return BlockState.None;
        _paragraphs ??= processor.Parsers.FindExact<ParagraphBlockParser>() ?? new ParagraphBlockParser();
        processor.NewBlocks.Push(new ParagraphBlock(_paragraphs)
        {
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.Continue;
    }
}
