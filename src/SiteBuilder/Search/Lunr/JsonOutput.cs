using System.Collections;
using System.Globalization;
using System.Text;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A minimal UTF-8 JSON writer that prints exactly as JavaScript's <c>JSON.stringify</c> (no spaces, JavaScript
/// number formatting, only the escapes it uses, lone surrogates as <c>\udxxx</c>), buffered onto a stream.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _pos;

    private readonly bool _asciiOnly;

    /// <param name="stream">Where the UTF-8 goes.</param>
    /// <param name="asciiOnly">Escape every non-ASCII character as <c>\uXXXX</c> (still valid JSON and JavaScript), so the
    /// text reads the same whatever encoding a browser assumes for a script.</param>
    /// <param name="bufferSize">Bytes kept before they are written to the stream.</param>
    public JsonOutput(Stream stream, bool asciiOnly = false, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _asciiOnly = asciiOnly;
        _buffer = new byte[bufferSize];
    }

    public void Raw(char c)
    {
        if (_pos == _buffer.Length) Flush();
        _buffer[_pos++] = (byte)c;
    }

    public void Ascii(string s)
    {
        foreach (var c in s) Raw(c);
    }

    /// <summary>Bytes already in this writer's form (e.g. JSON another JsonOutput wrote).</summary>
    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (_pos + bytes.Length > _buffer.Length) Flush();
        if (bytes.Length > _buffer.Length)
        {
            _flushed += bytes.Length;
            _stream.Write(bytes);
            return;
        }
        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    public void Int(long v)
    {
        Span<char> tmp = stackalloc char[24];
        v.TryFormat(tmp, out var n, default, CultureInfo.InvariantCulture);
        foreach (var c in tmp[..n]) Raw(c);
    }

    public void Number(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            Ascii("null");
            return;
        }
        Span<char> tmp = stackalloc char[32];
        if (v != 0 && Math.Abs(v) < 1e15 && v.TryFormat(tmp, out var n, "R", CultureInfo.InvariantCulture) && tmp[..n].IndexOf('E') < 0)
        {
            foreach (var c in tmp[..n]) Raw(c);
            return;
        }
        Ascii(JsNumber.Format(v));
    }

    public void String(string s)
    {
        Raw('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            {
                Raw(c);
                continue;
            }
            switch (c)
            {
                case '"': Ascii("\\\""); continue;
                case '\\': Ascii("\\\\"); continue;
                case '\b': Ascii("\\b"); continue;
                case '\f': Ascii("\\f"); continue;
                case '\n': Ascii("\\n"); continue;
                case '\r': Ascii("\\r"); continue;
                case '\t': Ascii("\\t"); continue;
            }
            if (c < 0x20 || _asciiOnly)
            {
                if (c >= 0x20)
                {
                    Ascii("\\u");
                    Ascii(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    continue;
                }
                Ascii("\\u00");
                Ascii(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                Utf8(char.ConvertToUtf32(c, s[i + 1]));
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                Ascii("\\u");
                Ascii(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                continue;
            }
            Utf8(c);
        }
        Raw('"');
    }

    private void Utf8(int codePoint)
    {
        Span<byte> tmp = stackalloc byte[4];
        var n = new Rune(codePoint).EncodeToUtf8(tmp);
        if (_pos + n > _buffer.Length) Flush();
        tmp[..n].CopyTo(_buffer.AsSpan(_pos));
        _pos += n;
    }

    /// <summary>Writes a metadata value: numbers, strings, booleans, null, lists and string-keyed maps.</summary>
    public void Value(object? v)
    {
        switch (v)
        {
            case null: Ascii("null"); break;
            case string s: String(s); break;
            case bool b: Ascii(b ? "true" : "false"); break;
            case int i: Int(i); break;
            case long l: Number(l); break;
            case double d: Number(d); break;
            case IDictionary<string, object?> map:
                Raw('{');
                var first = true;
                foreach (var key in JsKeyOrder.Order(map.Keys.ToList(), k => k))
                {
                    if (!first) Raw(',');
                    first = false;
                    String(key);
                    Raw(':');
                    Value(map[key]);
                }
                Raw('}');
                break;
            case IEnumerable items:
                Raw('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    if (!firstItem) Raw(',');
                    firstItem = false;
                    Value(item);
                }
                Raw(']');
                break;
            default:
                Number(Convert.ToDouble(v, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Bytes written so far, buffered ones included.</summary>
    public long Written => _flushed + _pos;

    private long _flushed;

    public void Flush()
    {
        _flushed += _pos;
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    /// <summary>Drops what is buffered and counts from 0 again (for a stream the caller has emptied).</summary>
    public void Restart()
    {
        _pos = 0;
        _flushed = 0;
    }

    public void Dispose() => Flush();
}
