namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>A report together with the policy's verdict: which broken links fail the run.</summary>
public sealed class LinkCheckOutcome
{
    private readonly HashSet<LinkResult> _failing;

    /// <summary>Creates an outcome.</summary>
    public LinkCheckOutcome(LinkCheckReport report, IReadOnlyList<LinkResult> failing)
    {
        Report = report;
        Failing = failing;
        _failing = [.. failing];
    }

    /// <summary>The report.</summary>
    public LinkCheckReport Report { get; }

    /// <summary>The broken results that fail the run under the policy.</summary>
    public IReadOnlyList<LinkResult> Failing { get; }

    /// <summary>True when the run fails (exit code 2).</summary>
    public bool Failed => Failing.Count > 0;

    /// <summary>True when this result fails the run.</summary>
    public bool IsFailing(LinkResult result) => _failing.Contains(result);

    /// <summary>The results worth showing: everything not ok and not excluded, in report order.</summary>
    public IEnumerable<LinkResult> Problems => Report.Results.Where(r => r.Status is not (LinkStatus.Ok or LinkStatus.Excluded));
}
