namespace SiteBuilder.LinkCheck.Ledger;

/// <summary>The health history of one external URL.</summary>
/// <param name="ConsecutiveFailures">Runs in a row, up to the latest, that found the URL broken.</param>
/// <param name="History">The latest runs, oldest first (at most <see cref="LinkLedger.HistoryLength"/>).</param>
public sealed record LedgerEntry(int ConsecutiveFailures, IReadOnlyList<LedgerRun> History);
