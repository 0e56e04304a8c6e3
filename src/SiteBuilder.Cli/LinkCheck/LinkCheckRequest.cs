using SiteBuilder.LinkCheck.Configuration;

namespace SiteBuilder.Cli.LinkCheck;

/// <summary>
/// One <c>check-links</c> run as its options give it (<c>check</c> makes one too): values as parsed, checked when the
/// run reaches them, so a problem is reported in the same order whichever command asked.
/// </summary>
/// <param name="Source">The source folder (full path).</param>
/// <param name="Site">The built site, or null for the source map's output folder (else <c>SOURCE/_site</c>).</param>
/// <param name="Format">The report format's name.</param>
/// <param name="Output">The report file, or null for standard output.</param>
/// <param name="Offline">Internal links only.</param>
/// <param name="Overrides">The external-check options, checked when called.</param>
/// <param name="Policy">The failure policy's name: <c>any</c>, <c>pr</c> or <c>scheduled</c>.</param>
/// <param name="FailAfter">For <c>scheduled</c>: broken runs in a row before a link fails.</param>
/// <param name="ChangedSince">A git ref: external links only of the pages changed since; null for every page.</param>
/// <param name="Cache">The cache file, or null.</param>
/// <param name="CacheMaxAge">How long a cached result stays good, as written (<c>1d</c>).</param>
/// <param name="Ledger">The ledger file, or null.</param>
public sealed record LinkCheckRequest(
    string Source, string? Site, string? Format, FileInfo? Output, bool Offline, Func<LinkCheckOverrides> Overrides,
    string? Policy, int FailAfter, string? ChangedSince, FileInfo? Cache, string CacheMaxAge, FileInfo? Ledger);
