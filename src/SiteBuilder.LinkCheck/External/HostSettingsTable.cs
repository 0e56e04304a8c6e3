namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// Per-host settings: an entry for <c>unece.org</c> applies to that host and every subdomain
/// (<c>statswiki.unece.org</c>); the longest matching entry wins; other hosts get the default.
/// </summary>
public sealed class HostSettingsTable
{
    private readonly KeyValuePair<string, HostSettings>[] _entries;

    /// <summary>The settings for hosts no entry names.</summary>
    public HostSettings Default { get; }

    /// <summary>Creates a table.</summary>
    public HostSettingsTable(HostSettings defaults, IReadOnlyDictionary<string, HostSettings>? hosts = null)
    {
        Default = defaults;
        _entries = (hosts ?? new Dictionary<string, HostSettings>())
            .Select(kv => KeyValuePair.Create(kv.Key.Trim().TrimStart('.').ToLowerInvariant(), kv.Value))
            .OrderByDescending(kv => kv.Key.Length)
            .ToArray();
    }

    /// <summary>The settings for a host name.</summary>
    public HostSettings For(string host)
    {
        string h = host.ToLowerInvariant();
        foreach (var (name, settings) in _entries)
        {
            if (h == name || h.EndsWith("." + name, StringComparison.Ordinal)) return settings;
        }
        return Default;
    }
}
