using SiteBuilder.LinkCheck.Ledger;

namespace SiteBuilder.LinkCheck.Policy;

/// <summary>Decides which broken links fail the run.</summary>
/// <param name="Kind">The policy.</param>
/// <param name="FailAfter">For <see cref="FailurePolicyKind.Scheduled"/>: consecutive broken runs before an external link fails.</param>
/// <param name="ChangedSources">For <see cref="FailurePolicyKind.PullRequest"/>: Markdown sources changed or added (relative to the source root).</param>
public sealed record FailurePolicy(FailurePolicyKind Kind, int FailAfter = 1, IReadOnlySet<string>? ChangedSources = null)
{
    /// <summary>The default: any broken link fails.</summary>
    public static FailurePolicy Any { get; } = new(FailurePolicyKind.Any);

    /// <summary>
    /// The broken results that fail the run, in report order. For the scheduled policy, the ledger
    /// must already hold this run (<see cref="LinkLedger.RecordRun"/>); without a ledger each run counts alone.
    /// </summary>
    public IReadOnlyList<LinkResult> Failing(LinkCheckReport report, LinkLedger? ledger = null) =>
        report.Results.Where(r => r.Status == LinkStatus.Broken && Fails(r, ledger)).ToList();

    private bool Fails(LinkResult r, LinkLedger? ledger)
    {
        if (r.Kind == LinkKind.Internal) return true;
        return Kind switch
        {
            FailurePolicyKind.PullRequest => ChangedSources is null || r.PageSource is null || ChangedSources.Contains(r.PageSource),
            FailurePolicyKind.Scheduled => (ledger?.Get(r.Url)?.ConsecutiveFailures ?? 1) >= FailAfter,
            _ => true,
        };
    }
}
