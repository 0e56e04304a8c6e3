namespace SiteBuilder.LinkCheck.Configuration;

/// <summary>A host's entry under <c>link_check: hosts:</c>; unset values fall back to the global ones.</summary>
/// <param name="Concurrency"><c>concurrency</c>: requests in flight to the host.</param>
/// <param name="Interval"><c>interval_ms</c>: minimum interval between requests.</param>
public sealed record HostOverride(int? Concurrency, TimeSpan? Interval);
