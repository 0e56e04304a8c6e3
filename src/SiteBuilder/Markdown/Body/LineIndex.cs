namespace SiteBuilder.Markdown.Body;

/// <summary>
/// Turns a character offset of a page's text into its 1-based line and column. Markdig's own <c>Line</c> of an inline
/// is wrong inside a setext heading (paragraph lines underlined with <c>---</c>: it counts the heading's lines twice),
/// while its <c>Span</c> offsets are right, so link positions are taken from the span.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _starts;

    /// <summary>Indexes <paramref name="text"/>; a line ends at LF, CR or CRLF, as for Markdig.</summary>
    public LineIndex(string text)
    {
        // Sized by a count first (at most one line per CR or LF): a growing list was most of what indexing a page allocated.
        var starts = new int[text.AsSpan().Count('\n') + text.AsSpan().Count('\r') + 1];
        int count = 1;
        for (int i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0; )
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts[count++] = i + 1;
            int next = text.AsSpan(i + 1).IndexOfAny('\r', '\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        if (count < starts.Length) Array.Resize(ref starts, count);
        _starts = starts;
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(int offset)
    {
        int i = Array.BinarySearch(_starts, offset);
        int line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
