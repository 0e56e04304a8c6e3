using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// Soft-404 detection. Per host, one request to a random path in the directory of the first link
/// checked there reveals the host's "not found" answer. When that answer is a 200 page, a 200 page
/// whose body equals it once each request's own path is removed (and volatile numbers and tokens
/// are blanked) is a soft 404. Hosts that answer the probe with a real error have no soft 404s.
/// </summary>
public sealed partial class SoftNotFoundDetector
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Template?>>> _templates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fetches a URL (original URL space) with GET following redirects: final status, body and URL.</summary>
    public delegate Task<(int Status, string? Body, Uri FinalUrl)> Fetch(Uri url, CancellationToken cancellationToken);

    /// <summary>A host's "not found" answer.</summary>
    /// <param name="Body">The normalized body.</param>
    /// <param name="ViaRedirect">True when unknown paths redirect (often to the home page) rather than answer in place.</param>
    public sealed record Template(string Body, bool ViaRedirect);

    /// <summary>
    /// The host's normalized "not found" template, probing it on first use; null when the host
    /// answers unknown paths with a real error (so its 200 answers are trusted).
    /// </summary>
    /// <param name="original">A link on the host, in original URL space.</param>
    /// <param name="fetch">Fetches the probe.</param>
    /// <param name="requestUri">Where a URL is really requested (after remaps), whose path the server may echo too.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    public Task<Template?> TemplateAsync(Uri original, Fetch fetch, Func<Uri, Uri> requestUri, CancellationToken cancellationToken) =>
        _templates.GetOrAdd(original.Host, _ => new Lazy<Task<Template?>>(async () =>
        {
            Uri probe = ProbeUrl(original);
            var (status, body, final) = await fetch(probe, cancellationToken).ConfigureAwait(false);
            return status == 200 && body is not null
                ? new Template(Normalize(body, probe, requestUri(probe), final, requestUri(final)), final != probe)
                : null;
        })).Value;

    /// <summary>
    /// True when a 200 body is the host's "not found" template once the paths of <paramref name="urls"/> (the link,
    /// where it landed, and both as requested after remaps) are removed, as the probe's were from the template.
    /// When the host redirects unknown paths, only a link that was redirected too can be one: a link answered
    /// in place is a page the host knows, even if it is the page unknown paths land on (the home page).
    /// </summary>
    public static bool Matches(Template template, bool linkRedirected, string body, params Uri[] urls) =>
        (linkRedirected || !template.ViaRedirect) && string.Equals(template.Body, Normalize(body, urls), StringComparison.Ordinal);

    /// <summary>A random path in the same directory as the link: <c>/a/b/c</c> → <c>/a/b/sitebuilder-probe-…</c>.</summary>
    public static Uri ProbeUrl(Uri original)
    {
        string path = original.AbsolutePath;
        // A trailing slash names a directory page: probe a sibling of that directory.
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        string directory = trimmed[..(trimmed.LastIndexOf('/') + 1)];
        string segment = "sitebuilder-probe-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new UriBuilder(original.Scheme, original.Host, original.Port, directory + segment).Uri;
    }

    /// <summary>The body with the request's path removed, volatile tokens blanked and white space collapsed.</summary>
    public static string Normalize(string body, params Uri[] urls)
    {
        string text = body;
        var needles = urls.SelectMany(Needles)
            .Where(n => n.Length > 1)
            .Distinct()
            .OrderByDescending(n => n.Length);
        foreach (var needle in needles) text = text.Replace(needle, "", StringComparison.Ordinal);
        text = VolatileToken().Replace(text, "#");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static IEnumerable<string> Needles(Uri url)
    {
        string path = url.AbsolutePath;
        string trimmed = path.TrimEnd('/');
        string lastSegment = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return [url.AbsoluteUri, url.PathAndQuery, path, Uri.UnescapeDataString(path), WebUtility.HtmlEncode(path), trimmed, lastSegment, Uri.UnescapeDataString(lastSegment)];
    }

    // Long hex or base64 runs (nonces, request ids) and digits (timestamps) change between any two requests;
    // the long runs first, so a nonce starting with a digit is blanked whole.
    [GeneratedRegex(@"[A-Za-z0-9+/_-]{24,}|[0-9]+")]
    private static partial Regex VolatileToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
