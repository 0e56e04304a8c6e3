using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteBuilder.Markdown.Extensions.NestingLimit;

/// <summary>
/// Asked first at every <c>[</c>, <c>![</c> and emphasis delimiter: once that many are open inside each other, the run
/// of delimiter characters stays text and the place is recorded (<see cref="TooDeepAt"/>). Markdig keeps every open
/// delimiter as a container the next inline goes into, and throws when more than 10,240 are open (a line of
/// <c>[[[[…</c>); the guard stops them at the limit, where the page fails anyway.
/// </summary>
public sealed class NestingGuardInlineParser : InlineParser
{
    private const string Key = "sitebuilder.nesting-too-deep";

    /// <summary>Creates the guard for <paramref name="openingCharacters"/> (the delimiters that open containers).</summary>
    public NestingGuardInlineParser(char[] openingCharacters, int cap)
    {
        OpeningCharacters = openingCharacters;
        Cap = cap;
    }

    /// <summary>How many inline containers may be open inside each other before the guard keeps delimiters as text.</summary>
    public int Cap { get; }

    /// <summary>The source offset where open delimiters first went past the cap in a parse with <paramref name="context"/>.</summary>
    public static int? TooDeepAt(MarkdownParserContext context) =>
        context.Properties.TryGetValue(Key, out var at) ? (int)at : null;

    /// <inheritdoc/>
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ParseCancellation.ThrowIfRequested();
        // The open containers the next inline would go into: every ancestor of the last inline but the paragraph's root.
        int depth = processor.Inline is ContainerInline { IsClosed: false } ? 1 : 0;
        for (Inline? inline = processor.Inline?.Parent; inline?.Parent is not null && depth < Cap; inline = inline.Parent) depth++;
        if (depth < Cap) return false;
        char c = slice.CurrentChar;
        int start = slice.Start;
        while (slice.CurrentChar == c) slice.SkipChar();
        int position = processor.GetSourcePosition(start, out int line, out int column);
        processor.Context?.Properties.TryAdd(Key, position);
        processor.Inline = new LiteralInline(new StringSlice(slice.Text, start, slice.Start - 1))
        {
            Span = new SourceSpan(position, position + slice.Start - start - 1),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        return true;
    }
}
