using System.Globalization;
using System.Text;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// The few JavaScript string semantics lunr.js depends on, reproduced exactly:
/// <c>String.prototype.toLowerCase</c>, the <c>\s</c> and <c>\W</c> regex classes, and <c>slice</c>.
/// </summary>
internal static class JsString
{
    /// <summary>
    /// JavaScript's <c>toLowerCase</c>: the full Unicode lower-case mapping, which differs from .NET's simple
    /// mapping in two places: U+0130 becomes two code units, and a capital sigma at the end of a word becomes ς.
    /// </summary>
    public static string ToLower(string s) => ToLower(s, 0, s.Length);

    /// <summary>
    /// <c>s.toLowerCase().slice(start, start + length)</c> for a slice whose ends are not inside a surrogate pair and
    /// that no lower-case mapping crosses: the slice is lowered alone, with the whole string as the context of a sigma.
    /// </summary>
    public static string ToLower(string s, int start, int length)
    {
        var slice = s.AsSpan(start, length);
        var needsSpecial = false;
        foreach (var c in slice)
        {
            if (c < 0x80) continue;
            if (c is '\u0130' or '\u03A3' or '\uA7CE' or '\uA7D2' or '\uA7D4' or '\uD81B') { needsSpecial = true; break; }
        }
        if (!needsSpecial) return string.Create(length, (s, start), static (span, st) => st.s.AsSpan(st.start, span.Length).ToLowerInvariant(span));
        var lowered = slice.ToString().ToLowerInvariant();
        var sb = new StringBuilder(length + 4);
        for (var i = start; i < start + length; i++)
        {
            var c = s[i];
            if (c == '\u0130') sb.Append("i\u0307");
            else if (c == '\u03A3') sb.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            // Unicode 16/17 letters that Node's ICU lower-cases and .NET 10's tables do not yet know.
            else if (c is '\uA7CE' or '\uA7D2' or '\uA7D4') sb.Append((char)(c + 1));
            else if (c == '\uD81B' && i + 1 < start + length && s[i + 1] >= '\uDEA0' && s[i + 1] <= '\uDEB8')
            {
                sb.Append(c).Append((char)(s[i + 1] + 0x1B));
                i++;
            }
            else sb.Append(lowered[i - start]);
        }
        return sb.ToString();
    }

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables) and none after.
    private static bool IsFinalSigma(string s, int at)
    {
        var before = false;
        for (var i = at - 1; i >= 0; i--)
        {
            if (IsCaseIgnorable(s[i])) continue;
            before = IsCased(s[i]);
            break;
        }
        if (!before) return false;
        for (var i = at + 1; i < s.Length; i++)
        {
            if (IsCaseIgnorable(s[i])) continue;
            return !IsCased(s[i]);
        }
        return true;
    }

    private static bool IsCased(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00B7' or '\u2018' or '\u2019' or '\u2024' or '\u2027' ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    /// <summary>True when <paramref name="c"/> matches lunr's separator <c>/[\s\-]+/</c> (JavaScript's <c>\s</c>, not .NET's).</summary>
    public static bool IsSeparator(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '-' => true,
        _ when c < 0xA0 => false,
        '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        _ => c >= '\u2000' && c <= '\u200A',
    };

    /// <summary>JavaScript's <c>\w</c> without the <c>u</c> flag: ASCII letters, digits and underscore only.</summary>
    public static bool IsWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

    /// <summary><c>String.prototype.slice(start, end)</c> with its clamping.</summary>
    public static string Slice(string s, int start, int end)
    {
        start = Math.Clamp(start, 0, s.Length);
        end = Math.Clamp(end, 0, s.Length);
        return end > start ? s.Substring(start, end - start) : "";
    }
}
