using System.Buffers;
using System.Text.Encodings.Web;

namespace SiteBuilder.Layouts;

/// <summary>
/// The HTML encoder of layouts: escapes only what HTML itself needs (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>,
/// <c>"</c>, <c>'</c>) and writes every other character as it is. Pages are UTF-8 with
/// <c>&lt;meta charset="utf-8"&gt;</c>, so "Café — über" stays readable in the source instead of becoming
/// <c>Caf&amp;#xE9; &amp;#x2014;</c> as with <see cref="HtmlEncoder.Default"/>, which escapes all non-ASCII.
/// </summary>
internal sealed class LayoutHtmlEncoder : HtmlEncoder
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"'");

    /// <summary>The one instance; it has no state.</summary>
    public static LayoutHtmlEncoder Instance { get; } = new();

    private LayoutHtmlEncoder() { }

    /// <inheritdoc/>
    // "&quot;" is the longest replacement.
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '<' or '>' or '&' or '"' or '\'';

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(Special);

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        // The same entities as HtmlEncoder.Default, so ASCII text encodes byte for byte as before.
        ReadOnlySpan<char> text = unicodeScalar switch
        {
            '<' => "&lt;",
            '>' => "&gt;",
            '&' => "&amp;",
            '"' => "&quot;",
            '\'' => "&#x27;",
            _ => default,
        };
        Span<char> output = new(buffer, bufferLength);
        if (text.IsEmpty)
        {
            // Not special: the scalar itself (a surrogate pair above U+FFFF).
            var rune = System.Text.Rune.TryCreate(unicodeScalar, out var r) ? r : System.Text.Rune.ReplacementChar;
            return rune.TryEncodeToUtf16(output, out numberOfCharactersWritten);
        }
        numberOfCharactersWritten = 0;
        if (!text.TryCopyTo(output)) return false;
        numberOfCharactersWritten = text.Length;
        return true;
    }
}
