namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>Counts of results for one host (or for internal links, host <c>(internal)</c>).</summary>
/// <param name="Host">The host, lower case.</param>
/// <param name="Total">Link occurrences.</param>
/// <param name="Counts">Occurrences per status.</param>
public sealed record HostSummary(string Host, int Total, IReadOnlyDictionary<LinkStatus, int> Counts)
{
    /// <summary>The name used for internal links.</summary>
    public const string InternalHost = "(internal)";

    /// <summary>How many have a status.</summary>
    public int this[LinkStatus status] => Counts.GetValueOrDefault(status);

    /// <summary>One summary per host, internal first, then hosts by name (ordinal).</summary>
    public static IReadOnlyList<HostSummary> Compute(IEnumerable<LinkResult> results) =>
        results.GroupBy(r => r.Host ?? InternalHost, StringComparer.Ordinal)
            .OrderBy(g => g.Key == InternalHost ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HostSummary(g.Key, g.Count(), g.GroupBy(r => r.Status).ToDictionary(s => s.Key, s => s.Count())))
            .ToList();
}
