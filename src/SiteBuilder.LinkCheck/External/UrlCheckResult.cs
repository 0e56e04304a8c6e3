namespace SiteBuilder.LinkCheck.External;

/// <summary>The verdict on one external URL (fragment removed), shared by all its occurrences.</summary>
/// <param name="Url">The URL as written, without fragment.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Code">The final status code, when a response came.</param>
/// <param name="Message">Why it is not ok, or null.</param>
/// <param name="RedirectedTo">The final URL after a permanent redirect.</param>
/// <param name="FromCache">True when the cache answered and no request was sent.</param>
public sealed record UrlCheckResult(string Url, LinkStatus Status, int? Code, string? Message, string? RedirectedTo = null, bool FromCache = false);
