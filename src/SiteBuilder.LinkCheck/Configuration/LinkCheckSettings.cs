using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Configuration;

/// <summary>
/// The <c>link_check:</c> section of <c>site.yml</c>. Each value is null when not set; command-line
/// options win over these, and these over the built-in defaults.
/// </summary>
public sealed record LinkCheckSettings
{
    /// <summary><c>max_concurrency</c>: requests in flight in total.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary><c>host_concurrency</c>: requests in flight per host.</summary>
    public int? HostConcurrency { get; init; }

    /// <summary><c>interval_ms</c>: minimum interval between requests to one host.</summary>
    public TimeSpan? HostInterval { get; init; }

    /// <summary><c>timeout</c>: seconds per request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>max_retries</c>.</summary>
    public int? MaxRetries { get; init; }

    /// <summary><c>user_agent</c>.</summary>
    public string? UserAgent { get; init; }

    /// <summary><c>accept</c>: status codes such as <c>200..299,403</c>.</summary>
    public StatusCodeSet? Accept { get; init; }

    /// <summary><c>include</c>: regular expressions.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary><c>exclude</c>: regular expressions.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary><c>hosts</c>: per host (and its subdomains) <c>concurrency</c> and <c>interval_ms</c>.</summary>
    public IReadOnlyDictionary<string, HostOverride> Hosts { get; init; } = new Dictionary<string, HostOverride>();
}
