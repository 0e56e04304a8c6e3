using System.Text;

namespace SiteBuilder.Linking;

/// <summary>
/// A statswiki (Confluence) address reduced to what identifies the page: a space and title
/// (<c>/display/SPACE/Title</c>), a space root (<c>/display/SPACE</c>) or a page id
/// (<c>/pages/viewpage.action?pageId=N</c>, and the source view <c>/plugins/viewsource/viewpagesrc.action?pageId=N</c>).
/// Scheme, <c>+</c> versus <c>%20</c>, letter case of space and title, and query strings such as
/// <c>?preview=</c> do not change the key, so every way of writing one address finds the same page.
/// </summary>
/// <param name="Key">Normalised identity, e.g. <c>display:dimis/dimis home</c>, <c>space:mhsm</c>, <c>page:278039009</c>.</param>
/// <param name="Path">The address's path as written (percent-encoded, without query), e.g. <c>/display/DIMiS/DIMiS+Home</c>.</param>
/// <param name="PageId">The page id of a <c>pageId</c> address.</param>
/// <param name="Fragment">The <c>#fragment</c> as written, without <c>#</c>, or null.</param>
public sealed record StatswikiUrl(string Key, string Path, long? PageId, string? Fragment)
{
    /// <summary>The statswiki host.</summary>
    public const string Host = "statswiki.unece.org";

    /// <summary>True for a <c>/display/…</c> address (which gets a redirect stub at its path).</summary>
    public bool IsDisplay => PageId is null;

    /// <summary>True when <paramref name="url"/> is on the statswiki host (any path, http or https).</summary>
    public static bool IsStatswiki(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
        string.Equals(uri.Host.TrimEnd('.'), Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a statswiki address into its page identity; null when it is not on statswiki or is not a
    /// page address (attachments, blog archives <c>/display/SPACE/2023/10</c>, search …).
    /// </summary>
    public static StatswikiUrl? TryParse(string url)
    {
        if (!IsStatswiki(url)) return null;
        var uri = new Uri(url);
        string rawPath = uri.AbsolutePath;
        string? fragment = uri.Fragment.Length > 1 ? uri.Fragment[1..] : null;
        string[] segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);

        if (segments.Length >= 2 && segments[0] == "display")
        {
            string space = Decode(segments[1]);
            if (space.Length == 0) return null;
            if (segments.Length == 2)
                return new StatswikiUrl("space:" + space.ToLowerInvariant(), "/display/" + segments[1], null, fragment);
            // Confluence titles may contain '/', which it writes as-is: the title is everything after the space.
            string title = Decode(string.Join('/', segments[2..]));
            // Blog archives (/display/SPACE/2023/10) are date listings, not pages.
            if (segments.Length >= 3 && segments[2].All(char.IsAsciiDigit) && segments[2].Length == 4) return null;
            if (title.Length == 0) return null;
            return new StatswikiUrl($"display:{space.ToLowerInvariant()}/{title.ToLowerInvariant()}",
                "/display/" + string.Join('/', segments[1..]), null, fragment);
        }
        if (rawPath is "/pages/viewpage.action" or "/plugins/viewsource/viewpagesrc.action" &&
            QueryValue(uri.Query, "pageId") is { } id && long.TryParse(id, out long pageId) && pageId > 0)
            return new StatswikiUrl("page:" + pageId, "/pages/viewpage.action", pageId, fragment);
        return null;
    }

    /// <summary>
    /// Decodes one Confluence path part: <c>+</c> is a space, <c>%XX</c> is UTF-8, and runs of
    /// white space collapse, so <c>DIMiS+Home</c>, <c>DIMiS%20Home</c> and <c>DIMiS%20%20Home</c> agree.
    /// </summary>
    public static string Decode(string part)
    {
        string decoded = Uri.UnescapeDataString(part.Replace("+", "%20", StringComparison.Ordinal));
        var sb = new StringBuilder(decoded.Length);
        foreach (char c in decoded.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (string pair in query.TrimStart('?').Split('&'))
        {
            int eq = pair.IndexOf('=');
            if (eq > 0 && string.Equals(pair[..eq], name, StringComparison.OrdinalIgnoreCase)) return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return null;
    }
}
