using System.Text.RegularExpressions;

namespace SiteBuilder.LinkCheck.External;

/// <summary>How external links are checked. Defaults are polite to public hosts.</summary>
public sealed record ExternalCheckOptions
{
    /// <summary>At most this many requests in flight in total. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Per-host limits; hosts without an entry get the table's default (2 at once, 250 ms apart).</summary>
    public HostSettingsTable Hosts { get; init; } = new(new HostSettings(2, TimeSpan.FromMilliseconds(250)));

    /// <summary>Time allowed for one request, headers and the body read included. Default 20 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after a network error, timeout, 5xx or 429. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff delay; later ones double, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a <c>Retry-After</c> is honoured; longer requests are cut to this. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirect hops followed before giving up. Default 10.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Status codes that count as ok. Default 200..299.</summary>
    public StatusCodeSet Accept { get; init; } = StatusCodeSet.Success;

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string UserAgent { get; init; } = "sitebuilder-check-links/1.0";

    /// <summary>Rewrites of where requests go (first match wins); results keep the original URL.</summary>
    public IReadOnlyList<UrlRemap> Remaps { get; init; } = [];

    /// <summary>When non-empty, only URLs matching one of these are checked; the others are excluded.</summary>
    public IReadOnlyList<Regex> Include { get; init; } = [];

    /// <summary>URLs matching one of these are excluded.</summary>
    public IReadOnlyList<Regex> Exclude { get; init; } = [];

    /// <summary>Probe each host for soft 404s. Default on.</summary>
    public bool DetectSoftNotFound { get; init; } = true;

    /// <summary>True when the URL is excluded by <see cref="Include"/> or <see cref="Exclude"/>.</summary>
    public bool IsExcluded(string url) =>
        (Include.Count > 0 && !Include.Any(r => r.IsMatch(url))) || Exclude.Any(r => r.IsMatch(url));
}
