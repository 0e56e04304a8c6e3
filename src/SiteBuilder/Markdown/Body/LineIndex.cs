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
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        _starts = starts.ToArray();
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(int offset)
    {
        int i = Array.BinarySearch(_starts, offset);
        int line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
