using System.Text.RegularExpressions;
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

    /// <summary>
    /// How external links are checked: each of <paramref name="overrides"/> when set, else this file's value, else the
    /// default. A host listed under <c>hosts</c> takes its own values and the merged global ones for what it leaves
    /// unset; <c>include</c> and <c>exclude</c> are this file's patterns, then the run's.
    /// </summary>
    public ExternalCheckOptions Resolve(LinkCheckOverrides overrides)
    {
        var defaults = new ExternalCheckOptions();
        int hostConcurrency = overrides.HostConcurrency ?? HostConcurrency ?? defaults.Hosts.Default.Concurrency;
        var interval = overrides.HostInterval ?? HostInterval ?? defaults.Hosts.Default.Interval;
        var hosts = Hosts.ToDictionary(
            kv => kv.Key,
            kv => new HostSettings(kv.Value.Concurrency ?? hostConcurrency, kv.Value.Interval ?? interval),
            StringComparer.OrdinalIgnoreCase);
        return defaults with
        {
            MaxConcurrency = overrides.MaxConcurrency ?? MaxConcurrency ?? defaults.MaxConcurrency,
            Hosts = new HostSettingsTable(new HostSettings(hostConcurrency, interval), hosts),
            Timeout = overrides.Timeout ?? Timeout ?? defaults.Timeout,
            MaxRetries = overrides.MaxRetries ?? MaxRetries ?? defaults.MaxRetries,
            Accept = overrides.Accept ?? Accept ?? defaults.Accept,
            UserAgent = overrides.UserAgent ?? UserAgent ?? defaults.UserAgent,
            // The reader checked these patterns at their line; the checker matches with a timeout.
            Include = [.. Include.Select(Pattern), .. overrides.Include],
            Exclude = [.. Exclude.Select(Pattern), .. overrides.Exclude],
            Remaps = overrides.Remaps,
            DetectSoftNotFound = overrides.DetectSoftNotFound,
        };
    }

    /// <summary>A pattern compiled as the checker matches it: culture-invariant, at most a second per URL.</summary>
    public static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
