namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>A Markdown summary for <c>$GITHUB_STEP_SUMMARY</c>: counts, tables of problems, hosts.</summary>
public sealed class MarkdownReporter : ILinkReporter
{
    /// <inheritdoc/>
    public void Write(LinkCheckOutcome outcome, TextWriter writer)
    {
        var report = outcome.Report;
        writer.Write("## Link check\n\n");
        writer.Write(outcome.Failed
            ? $"**{outcome.Failing.Count} broken link{(outcome.Failing.Count == 1 ? "" : "s")} fail the policy.**\n\n"
            : "No link fails the policy.\n\n");
        writer.Write("| Status | Links |\n|---|---:|\n");
        foreach (var status in Enum.GetValues<LinkStatus>()) writer.Write($"| {status.ToName()} | {report.Count(status)} |\n");
        writer.Write($"\n{report.Results.Count} links in {report.PagesScanned} pages");
        writer.Write(report.ExternalSkipped > 0 ? $"; {report.ExternalSkipped} external links not checked.\n" : ".\n");

        Section(writer, "Broken links", outcome, report.Results.Where(r => r.Status == LinkStatus.Broken));
        Section(writer, "Unverifiable links", outcome, report.Results.Where(r => r.Status == LinkStatus.Unverifiable));
        Section(writer, "Permanent redirects (update these links)", outcome, report.Results.Where(r => r.Status == LinkStatus.Redirected));

        var hosts = HostSummary.Compute(report.Results);
        if (hosts.Count > 0)
        {
            writer.Write("\n### Hosts\n\n| Host | Links | ok | redirected | broken | unverifiable | excluded |\n|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var h in hosts)
            {
                writer.Write($"| {Cell(h.Host)} | {h.Total} | {h[LinkStatus.Ok]} | {h[LinkStatus.Redirected]} | {h[LinkStatus.Broken]} | {h[LinkStatus.Unverifiable]} | {h[LinkStatus.Excluded]} |\n");
            }
        }
    }

    private static void Section(TextWriter writer, string title, LinkCheckOutcome outcome, IEnumerable<LinkResult> results)
    {
        var list = results.ToList();
        if (list.Count == 0) return;
        writer.Write($"\n### {title}\n\n| Where | Link | Code | Detail |\n|---|---|---:|---|\n");
        foreach (var r in list)
        {
            string detail = r.RedirectedTo is not null ? $"→ {r.RedirectedTo}" : r.Message ?? "";
            if (outcome.IsFailing(r)) detail = "**fails** " + detail;
            writer.Write($"| `{Cell(r.Source.ToString())}` | {Cell(r.Url)} | {r.Code?.ToString() ?? ""} | {Cell(detail)} |\n");
        }
    }

    // A '|' would end the cell; a line break would end the row.
    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
