namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>
/// Plain text: problems grouped by the file they are written in (<c>line:col status code url message</c>),
/// then a summary per host and a total line.
/// </summary>
public sealed class TextReporter : ILinkReporter
{
    /// <inheritdoc/>
    public void Write(LinkCheckOutcome outcome, TextWriter writer)
    {
        var report = outcome.Report;
        foreach (var file in outcome.Problems.GroupBy(r => r.Source.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(file.Key);
            foreach (var r in file)
            {
                string position = r.Source.Line > 0 ? $"{r.Source.Line}:{r.Source.Column}" : "-";
                string status = r.Status.ToName();
                string detail = r.RedirectedTo is not null ? $"→ {r.RedirectedTo}" : r.Message ?? "";
                if (r.Status == LinkStatus.Broken && !outcome.IsFailing(r)) detail += " (tolerated by the policy)";
                writer.WriteLine($"  {position,-8} {status,-13} {(r.Code?.ToString() ?? "-"),-4} {r.Url}  {detail}".TrimEnd());
            }
            writer.WriteLine();
        }

        var hosts = HostSummary.Compute(report.Results);
        if (hosts.Count > 0)
        {
            int width = Math.Max(10, hosts.Max(h => h.Host.Length));
            writer.WriteLine("Hosts:");
            foreach (var h in hosts)
            {
                writer.WriteLine($"  {h.Host.PadRight(width)} {h.Total,6} links: {h[LinkStatus.Ok]} ok, {h[LinkStatus.Redirected]} redirected, " +
                                 $"{h[LinkStatus.Broken]} broken, {h[LinkStatus.Unverifiable]} unverifiable, {h[LinkStatus.Excluded]} excluded");
            }
            writer.WriteLine();
        }
        writer.WriteLine(SummaryLine(outcome));
    }

    /// <summary>The one-line total, e.g. <c>120 links in 10 pages: 117 ok, … — 2 broken links fail the policy.</c></summary>
    public static string SummaryLine(LinkCheckOutcome outcome)
    {
        var r = outcome.Report;
        string line = $"{r.Results.Count} links in {r.PagesScanned} pages: {r.Count(LinkStatus.Ok)} ok, {r.Count(LinkStatus.Redirected)} redirected, " +
                      $"{r.Count(LinkStatus.Broken)} broken, {r.Count(LinkStatus.Unverifiable)} unverifiable, {r.Count(LinkStatus.Excluded)} excluded";
        if (r.ExternalSkipped > 0) line += $"; {r.ExternalSkipped} external not checked";
        line += outcome.Failed
            ? $". {outcome.Failing.Count} broken link{(outcome.Failing.Count == 1 ? "" : "s")} fail the policy."
            : ". No link fails the policy.";
        return line;
    }
}
