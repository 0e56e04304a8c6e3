using System.Globalization;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// JavaScript number semantics that show in lunr's output: <c>Number.prototype.toString</c> (which
/// <c>JSON.stringify</c> uses), <c>Math.round</c>, <c>Math.log</c> and the 3-decimal rounding of vector scores.
/// </summary>
public static class JsNumber
{
    /// <summary>
    /// Formats like JavaScript's <c>String(x)</c>: the shortest digits that round-trip, plain notation for
    /// 1e-7 &lt; |x| &lt; 1e21, otherwise <c>1.5e+21</c> / <c>1e-7</c>; <c>-0</c> prints as <c>0</c>.
    /// </summary>
    public static string Format(double x)
    {
        if (double.IsNaN(x)) return "NaN";
        if (double.IsPositiveInfinity(x)) return "Infinity";
        if (double.IsNegativeInfinity(x)) return "-Infinity";
        if (x == 0) return "0";
        var r = x.ToString("R", CultureInfo.InvariantCulture);
        // .NET and JavaScript agree on plain notation; they differ only in when and how exponents are written.
        if (r.IndexOf('E') < 0 && Math.Abs(x) < 1e21) return r;
        return FromScientific(r);
    }

    private static string FromScientific(string r)
    {
        var negative = r[0] == '-';
        if (negative) r = r.Substring(1);
        var e = r.IndexOf('E');
        var mantissa = e < 0 ? r : r.Substring(0, e);
        var exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var pointPos = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", "");
        var digits = all.TrimStart('0');
        // The value is 0.DIGITS × 10^n, as ECMA-262's Number::toString names them (k digits, exponent n).
        var n = pointPos + exponent - (all.Length - digits.Length);
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        string s;
        if (k <= n && n <= 21) s = digits + new string('0', n - k);
        else if (0 < n && n <= 21) s = digits.Substring(0, n) + "." + digits.Substring(n);
        else if (-6 < n && n <= 0) s = "0." + new string('0', -n) + digits;
        else
        {
            var exp = n - 1;
            s = (k == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1)) + "e" + (exp < 0 ? "-" : "+") +
                Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + s : s;
    }

    /// <summary><c>Math.round</c>: to the nearest integer, halves toward +∞.</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        var f = Math.Floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }

    /// <summary>lunr's score precision: <c>Math.round(x * 1000) / 1000</c>.</summary>
    public static double RoundTo3(double x) => Round(x * 1000) / 1000;

    /// <summary>
    /// <c>Math.log</c> as V8 computes it (fdlibm's <c>__ieee754_log</c>), so idf values agree with lunr.js
    /// to the last bit rather than to the platform libm's.
    /// </summary>
    public static double Log(double x)
    {
        const double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10, two54 = 1.80143985094819840000e+16;
        const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01, lg3 = 2.857142874366239149e-01,
            lg4 = 2.222219843214978396e-01, lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
            lg7 = 1.479819860511658591e-01;

        var bits = BitConverter.DoubleToInt64Bits(x);
        var hx = (int)(bits >> 32);
        var lx = (uint)bits;
        var k = 0;
        if (hx < 0x00100000)
        {
            if (((hx & 0x7fffffff) | (int)lx) == 0) return double.NegativeInfinity;
            if (hx < 0) return double.NaN;
            k -= 54;
            x *= two54;
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }
        if (hx >= 0x7ff00000) return x + x;
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        var i = (hx + 0x95f64) & 0x100000;
        x = SetHigh(x, hx | (i ^ 0x3ff00000));
        k += i >> 20;
        var f = x - 1.0;
        double dk, r;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            if (f == 0)
            {
                if (k == 0) return 0;
                dk = k;
                return dk * ln2Hi + dk * ln2Lo;
            }
            r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r;
            dk = k;
            return dk * ln2Hi - ((r - dk * ln2Lo) - f);
        }
        var s = f / (2.0 + f);
        dk = k;
        var z = s * s;
        i = hx - 0x6147a;
        var w = z * z;
        var j = 0x6b851 - hx;
        var t1 = w * (lg2 + w * (lg4 + w * lg6));
        var t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
        i |= j;
        r = t2 + t1;
        if (i > 0)
        {
            var hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f);
        }
        if (k == 0) return f - s * (f - r);
        return dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f);
    }

    private static double SetHigh(double x, int high)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        return BitConverter.Int64BitsToDouble(((long)high << 32) | (bits & 0xffffffffL));
    }
}
