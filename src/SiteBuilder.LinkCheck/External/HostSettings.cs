namespace SiteBuilder.LinkCheck.External;

/// <summary>Politeness settings for one host.</summary>
/// <param name="Concurrency">At most this many requests in flight to the host at once.</param>
/// <param name="Interval">At least this long between the starts of two requests to the host.</param>
public sealed record HostSettings(int Concurrency, TimeSpan Interval);
