using System.Buffers;
using System.Text;

namespace SiteBuilder.Markdown.Body;

/// <summary>
/// Rendered text with holes where resolved links go. Rendering once at parse time and filling the holes later
/// lets the build drop each page's Markdown tree right after parsing: a tree costs several times the text, and
/// holding 10 000 of them until every link is resolved is most of a large build's memory. Immutable.
/// </summary>
public sealed class BodyTemplate
{
    // The text is kept as UTF-8, not as a string: every page's body HTML and plain text stay in memory for the whole
    // preview session, and pages are mostly ASCII, which UTF-16 stores in twice the bytes (10 000 pages: ~310 MB as
    // strings, ~155 MB as UTF-8). Filling decodes it, which costs far less than the render that follows.
    private readonly byte[] _utf8;
    // Where each hole's value goes in _utf8 (the holes' own offsets count characters of the text).
    private readonly int[] _holeBytes;

    /// <summary>Creates a template.</summary>
    /// <param name="text">The text without the hole values.</param>
    /// <param name="holes">The holes, by ascending offset.</param>
    public BodyTemplate(string text, IReadOnlyList<TemplateHole> holes) : this(text.AsSpan(), holes) { }

    private BodyTemplate(ReadOnlySpan<char> text, IReadOnlyList<TemplateHole> holes)
    {
        Length = text.Length;
        Holes = holes;
        _utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, _utf8);
        _holeBytes = new int[holes.Count];
        int chars = 0, bytes = 0;
        for (int i = 0; i < holes.Count; i++)
        {
            bytes += Encoding.UTF8.GetByteCount(text[chars..holes[i].Offset]);
            chars = holes[i].Offset;
            _holeBytes[i] = bytes;
        }
    }

    /// <summary>A template of the text rendered into <paramref name="text"/>.</summary>
    /// <param name="text">The text without the hole values.</param>
    /// <param name="holes">The holes, by ascending offset.</param>
    public static BodyTemplate Of(StringBuilder text, IReadOnlyList<TemplateHole> holes)
    {
        // Through a pooled copy rather than a string: every page's body and plain text pass here once per parse, and
        // their strings, dropped right after encoding, were a fifth of what parsing 10 000 pages allocates.
        char[] chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, chars, text.Length);
            return new BodyTemplate(chars.AsSpan(0, text.Length), holes);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A template without holes.</summary>
    public static BodyTemplate Of(string text) => new(text, []);

    /// <summary>The text without the hole values (made anew on each read).</summary>
    public string Text => Encoding.UTF8.GetString(_utf8);

    /// <summary>The length of <see cref="Text"/>, in characters.</summary>
    public int Length { get; }

    /// <summary>The holes, by ascending offset.</summary>
    public IReadOnlyList<TemplateHole> Holes { get; }

    /// <summary>The text with each hole replaced by <paramref name="value"/>'s answer for it.</summary>
    public string Fill(Func<TemplateHole, string> value)
    {
        if (Holes.Count == 0) return Text;
        var values = new string[Holes.Count];
        int length = Length;
        for (int i = 0; i < values.Length; i++) length += (values[i] = value(Holes[i])).Length;
        // Written straight into the result (no builder to copy from): every page's body is filled once to render it
        // and its plain text once to index it: hundreds of MB of copying fewer at 10 000 pages.
        return string.Create(length, (Template: this, Values: values), static (span, state) =>
        {
            var (template, values) = state;
            var utf8 = template._utf8.AsSpan();
            int at = 0, written = 0;
            for (int i = 0; i < values.Length; i++)
            {
                int offset = template._holeBytes[i];
                written += Encoding.UTF8.GetChars(utf8[at..offset], span[written..]);
                values[i].CopyTo(span[written..]);
                written += values[i].Length;
                at = offset;
            }
            Encoding.UTF8.GetChars(utf8[at..], span[written..]);
        });
    }
}
