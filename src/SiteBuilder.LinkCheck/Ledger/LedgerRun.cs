namespace SiteBuilder.LinkCheck.Ledger;

/// <summary>One run's verdict on a URL.</summary>
/// <param name="At">When the run happened (UTC).</param>
/// <param name="Status">The verdict.</param>
/// <param name="Code">The status code, if any.</param>
public sealed record LedgerRun(DateTimeOffset At, LinkStatus Status, int? Code);
