using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>Parses a line that is exactly <c>{{children}}</c> (surrounding spaces allowed) into a <see cref="ChildPagesBlock"/>.</summary>
public sealed class ChildPagesBlockParser : BlockParser
{
    /// <summary>The marker contributors write.</summary>
    public const string Marker = "{{children}}";

    /// <summary>Creates the parser (it opens on <c>{</c>).</summary>
    public ChildPagesBlockParser() => OpeningCharacters = ['{'];

    /// <inheritdoc/>
    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        string rest = line.Text.Substring(line.Start, line.Length).TrimEnd();
        if (!string.Equals(rest, Marker, StringComparison.OrdinalIgnoreCase)) return BlockState.None;
        processor.NewBlocks.Push(new ChildPagesBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, line.End),
        });
        return BlockState.BreakDiscard;
    }
}
