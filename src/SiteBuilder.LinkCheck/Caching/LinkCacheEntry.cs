namespace SiteBuilder.LinkCheck.Caching;

/// <summary>One good result remembered between runs.</summary>
/// <param name="Status"><see cref="LinkStatus.Ok"/> or <see cref="LinkStatus.Redirected"/>.</param>
/// <param name="Code">The status code then.</param>
/// <param name="RedirectedTo">The new URL of a permanent redirect.</param>
/// <param name="CheckedAt">When it was checked (UTC).</param>
public sealed record LinkCacheEntry(LinkStatus Status, int? Code, string? RedirectedTo, DateTimeOffset CheckedAt);
