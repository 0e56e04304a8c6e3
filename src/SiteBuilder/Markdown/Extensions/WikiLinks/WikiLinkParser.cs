using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteBuilder.Markdown.Extensions.WikiLinks;

/// <summary>
/// Parses <c>[[Target]]</c>, <c>[[Target|label]]</c> and <c>[[Target#Heading]]</c> on one line.
/// The link's position is its first <c>[</c>, so diagnostics point where the author typed it.
/// In tables, the <c>|</c> of a wiki link is part of the link, not a cell separator.
/// </summary>
public sealed class WikiLinkParser : InlineParser
{
    /// <summary>Creates the parser (it opens on <c>[</c>).</summary>
    public WikiLinkParser() => OpeningCharacters = ['['];

    /// <inheritdoc/>
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '[') return false;
        int contentStart = slice.Start + 2;
        int close = -1;
        for (int i = contentStart; i < slice.End; i++)
        {
            char c = slice.Text[i];
            if (c is '\n' or '\r' or '[') return false;
            if (c == ']')
            {
                if (slice.Text[i + 1] != ']') return false;
                close = i;
                break;
            }
        }
        if (close < 0) return false;

        string inner = slice.Text[contentStart..close];
        string? label = null;
        int bar = FindBar(inner);
        if (bar >= 0)
        {
            label = inner[(bar + 1)..].Trim();
            inner = inner[..bar];
            if (label.Length == 0) label = null;
        }
        // A pipe escaped for a table cell (\|) is a plain pipe in a title.
        inner = inner.Replace("\\|", "|", StringComparison.Ordinal);
        string target = inner, fragmentPart = "";
        int hash = inner.IndexOf('#');
        if (hash >= 0) (target, fragmentPart) = (inner[..hash], inner[(hash + 1)..]);
        target = target.Trim();
        string? fragment = fragmentPart.Trim() is { Length: > 0 } f ? f : null;
        if (target.Length == 0 && fragment is null) return false;

        int start = processor.GetSourcePosition(slice.Start, out int line, out int column);
        int end = start + (close + 1 - slice.Start);
        var link = new WikiLinkInline(target, fragment, label)
        {
            Span = new SourceSpan(start, end),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        string text = label ?? (target.Length > 0 ? target : fragment!);
        link.AppendChild(new LiteralInline(text) { Span = new SourceSpan(start + 2, end - 2), Line = line, Column = column + 2, IsClosed = true });
        processor.Inline = link;
        slice.Start = close + 2;
        return true;
    }

    private static int FindBar(string inner)
    {
        for (int i = 0; i < inner.Length; i++)
            if (inner[i] == '|' && (i == 0 || inner[i - 1] != '\\')) return i;
        return -1;
    }
}
