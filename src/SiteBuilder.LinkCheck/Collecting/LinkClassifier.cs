using System.Text.RegularExpressions;

namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>Sorts hrefs into internal, external (http/https) and not checkable (mailto:, data:, …).</summary>
public static partial class LinkClassifier
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    /// <summary>Classifies an href. Returns null for links that are not checked (other schemes, empty, bare <c>#</c>).</summary>
    /// <param name="href">The href as collected.</param>
    /// <param name="absoluteUrl">For external links, the absolute URL (protocol-relative links become https).</param>
    public static LinkKind? Classify(string href, out string? absoluteUrl)
    {
        absoluteUrl = null;
        string h = href.Trim();
        if (h.Length == 0 || h == "#") return null;
        if (h.StartsWith("//", StringComparison.Ordinal))
        {
            h = "https:" + h;
        }
        else if (!SchemePrefix().IsMatch(h))
        {
            return LinkKind.Internal;
        }
        if (Uri.TryCreate(h, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            absoluteUrl = h;
            return LinkKind.External;
        }
        return null;
    }

    /// <summary>The URL without its fragment: the key under which an external URL is requested once per run.</summary>
    public static string WithoutFragment(string url)
    {
        int hash = url.IndexOf('#');
        return hash < 0 ? url : url[..hash];
    }
}
