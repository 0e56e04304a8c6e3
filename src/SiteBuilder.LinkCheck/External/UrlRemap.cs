using System.Text.RegularExpressions;

namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// A rewrite of where requests go (<c>--remap 'REGEX REPLACEMENT'</c>, with <c>$1</c> captures).
/// Results keep the original URL; only the request target changes.
/// </summary>
/// <param name="Pattern">The regular expression matched against the absolute URL.</param>
/// <param name="Replacement">The replacement, .NET substitution syntax (<c>$1</c>, <c>${name}</c>).</param>
public sealed record UrlRemap(Regex Pattern, string Replacement)
{
    /// <summary>Parses <c>REGEX REPLACEMENT</c>, split at the last run of white space (a replacement URL has none).</summary>
    /// <exception cref="FormatException">No white space, or the regex is invalid.</exception>
    public static UrlRemap Parse(string text)
    {
        string t = text.Trim();
        int split = t.LastIndexOfAny([' ', '\t']);
        if (split <= 0) throw new FormatException($"remap '{text}' must be 'REGEX REPLACEMENT'");
        string pattern = t[..split].TrimEnd(), replacement = t[(split + 1)..];
        try
        {
            return new UrlRemap(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), replacement);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"remap '{text}': invalid regular expression: {ex.Message}", ex);
        }
    }

    /// <summary>Applies the first matching remap of a list; the URL itself when none matches.</summary>
    public static string Apply(IReadOnlyList<UrlRemap> remaps, string url)
    {
        foreach (var remap in remaps)
        {
            if (remap.Pattern.IsMatch(url)) return remap.Pattern.Replace(url, remap.Replacement, 1);
        }
        return url;
    }
}
