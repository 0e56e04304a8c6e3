using System.Text;

namespace SiteBuilder.Safety;

/// <summary>
/// Decodes a source file as UTF-8, refusing invalid bytes instead of replacing them with U+FFFD (a Latin-1 file read
/// leniently would change its text silently). One leading byte-order mark is dropped.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of <paramref name="bytes"/>; false when they are not UTF-8, with the 1-based line and column of the
    /// first invalid byte (columns count characters) and its offset.
    /// </summary>
    public static bool TryDecode(byte[] bytes, out string text, out (int Line, int Column, int Offset) bad)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = Encoding.GetString(bytes, start, bytes.Length - start);
            bad = default;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            int offset = FirstInvalidByte(bytes, start);
            var (line, column) = LineColumnOfByte(bytes, offset);
            bad = (line, column, offset);
            return false;
        }
    }

    private static int FirstInvalidByte(byte[] bytes, int start)
    {
        // Decode growing prefixes at character boundaries to find where decoding first fails.
        int i = start;
        while (i < bytes.Length)
        {
            int len = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : bytes[i] >= 0xC0 ? 2 : 0;
            if (len == 0 || i + len > bytes.Length) return i;
            try { Encoding.GetString(bytes, i, len); }
            catch (DecoderFallbackException) { return i; }
            i += len;
        }
        return Math.Min(start, bytes.Length - 1);
    }

    private static (int Line, int Column) LineColumnOfByte(byte[] bytes, int offset)
    {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; col = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) col++;
        }
        return (line, col);
    }
}
