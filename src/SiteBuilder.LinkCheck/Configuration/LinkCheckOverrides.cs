using System.Text.RegularExpressions;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Configuration;

/// <summary>
/// The external-check settings given for one run (the command line's options), already checked. Each set value wins
/// over <c>site.yml</c>'s (<see cref="LinkCheckSettings"/>), which wins over the default of <see cref="ExternalCheckOptions"/>.
/// </summary>
public sealed record LinkCheckOverrides
{
    /// <summary>Requests in flight in total.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Requests in flight per host, for hosts without their own in <c>site.yml</c>.</summary>
    public int? HostConcurrency { get; init; }

    /// <summary>Minimum interval between requests to one host, for hosts without their own in <c>site.yml</c>.</summary>
    public TimeSpan? HostInterval { get; init; }

    /// <summary>Time allowed per request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Retries after network errors, timeouts, 5xx and 429.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Accepted status codes.</summary>
    public StatusCodeSet? Accept { get; init; }

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Patterns added to <c>site.yml</c>'s <c>include</c>.</summary>
    public IReadOnlyList<Regex> Include { get; init; } = [];

    /// <summary>Patterns added to <c>site.yml</c>'s <c>exclude</c>.</summary>
    public IReadOnlyList<Regex> Exclude { get; init; } = [];

    /// <summary>Where requests are sent instead (<c>site.yml</c> has none).</summary>
    public IReadOnlyList<UrlRemap> Remaps { get; init; } = [];

    /// <summary>Probe hosts for soft 404 pages.</summary>
    public bool DetectSoftNotFound { get; init; } = true;
}
