using SiteBuilder.Output;

namespace SiteBuilder.Search;

/// <summary>
/// Writes UTF-8 text as the inside of a single-quoted JavaScript string. Only ASCII bytes are escaped, and those
/// never occur inside a multi-byte sequence; U+2028/U+2029 (E2 80 A8/A9) are escaped for engines older than
/// ES2019. The start of such a sequence at the end of one write is held back until the next.
/// </summary>
internal sealed class JsStringStream(Stream output) : WriteOnlyStream
{
    private byte[] _held = [];

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_held.Length == 0)
        {
            Escape(buffer);
            return;
        }
        // Rare (a write ended inside a three-byte sequence): go on from the held bytes.
        var joined = new byte[_held.Length + buffer.Length];
        _held.CopyTo(joined, 0);
        buffer.CopyTo(joined.AsSpan(_held.Length));
        _held = [];
        Escape(joined);
    }

    public override void Flush()
    {
        output.Write(_held);
        _held = [];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void Escape(ReadOnlySpan<byte> utf8)
    {
        int end = utf8.Length;
        // Hold back a trailing E2 or E2 80: the next write may complete a separator.
        if (end >= 1 && utf8[end - 1] == 0xE2) end -= 1;
        else if (end >= 2 && utf8[end - 2] == 0xE2 && utf8[end - 1] == 0x80) end -= 2;
        var start = 0;
        for (var i = 0; i < end; i++)
        {
            var b = utf8[i];
            var isSeparator = b == 0xE2 && i + 2 < end && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9);
            if (b != (byte)'\\' && b != (byte)'\'' && b != (byte)'\n' && b != (byte)'\r' && !isSeparator) continue;
            output.Write(utf8[start..i]);
            if (isSeparator)
            {
                output.Write(utf8[i + 2] == 0xA8 ? "\\u2028"u8 : "\\u2029"u8);
                i += 2;
            }
            else output.Write(b switch { (byte)'\n' => "\\n"u8, (byte)'\r' => "\\r"u8, (byte)'\'' => "\\'"u8, _ => "\\\\"u8 });
            start = i + 1;
        }
        output.Write(utf8[start..end]);
        _held = utf8[end..].ToArray();
    }
}
