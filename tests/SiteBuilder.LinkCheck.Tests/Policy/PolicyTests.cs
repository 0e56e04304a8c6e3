using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Ledger;
using SiteBuilder.LinkCheck.Policy;

namespace SiteBuilder.LinkCheck.Tests.Policy;

public sealed class PolicyTests
{
    private static LinkResult External(string url, LinkStatus status, string page) =>
        new(url, LinkKind.External, status, status == LinkStatus.Broken ? 404 : 200, new SourceLocation(page, 3, 1), new SourceLocation("_site/x.html", 1, 1), "x.html", page, null);

    private static LinkResult Internal(string href, string page) =>
        new(href, LinkKind.Internal, LinkStatus.Broken, null, new SourceLocation(page, 5, 1), new SourceLocation("_site/x.html", 2, 1), "x.html", page, "not found");

    private static LinkCheckReport Report(params LinkResult[] results) => new(results, 2, 0, 0);

    [Fact]
    public void Any_FailsOnEveryBrokenLink()
    {
        var report = Report(External("https://a.org/1", LinkStatus.Broken, "pages/old.md"), External("https://a.org/2", LinkStatus.Ok, "pages/old.md"), Internal("x/", "pages/old.md"));
        Assert.Equal(2, FailurePolicy.Any.Failing(report).Count);
    }

    [Fact]
    public void PullRequest_FailsOnlyOnExternalLinksInChangedPages_ButAlwaysOnInternalOnes()
    {
        var inChanged = External("https://a.org/new", LinkStatus.Broken, "pages/new.md");
        var inUnchanged = External("https://a.org/old", LinkStatus.Broken, "pages/old.md");
        var internalBroken = Internal("../removed/", "pages/old.md");
        var policy = new FailurePolicy(FailurePolicyKind.PullRequest, ChangedSources: new HashSet<string> { "pages/new.md" });
        var failing = policy.Failing(Report(inChanged, inUnchanged, internalBroken));
        Assert.Equal([inChanged, internalBroken], failing);
    }

    [Fact]
    public void Scheduled_QuarantinesFlakes_FailingOnlyAfterNConsecutiveBrokenRuns()
    {
        var ledger = new LinkLedger();
        var policy = new FailurePolicy(FailurePolicyKind.Scheduled, FailAfter: 3);
        var t0 = new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);
        string dead = "https://unece.org/dead", flaky = "https://unece.org/flaky";
        LinkStatus[] flakyRuns = [LinkStatus.Broken, LinkStatus.Broken, LinkStatus.Ok, LinkStatus.Broken, LinkStatus.Broken];
        var failingPerRun = new List<string>();
        for (int run = 0; run < 5; run++)
        {
            var report = Report(External(dead, LinkStatus.Broken, "pages/a.md"), External(dead + "#part", LinkStatus.Broken, "pages/b.md"), External(flaky, flakyRuns[run], "pages/a.md"));
            ledger.RecordRun(report.Results, t0.AddDays(7 * run));
            failingPerRun.Add(string.Join(" ", policy.Failing(report, ledger).Select(r => r.Url).Distinct()));
        }
        // The dead link fails from the third consecutive run on; the flaky one never reaches three in a row.
        Assert.Equal(["", "", $"{dead} {dead}#part", $"{dead} {dead}#part", $"{dead} {dead}#part"], failingPerRun);
        Assert.Equal(5, ledger.Get(dead)!.ConsecutiveFailures);
        Assert.Equal(2, ledger.Get(flaky)!.ConsecutiveFailures);
        Assert.Equal(5, ledger.Get(flaky)!.History.Count);
    }

    [Fact]
    public void Scheduled_AlwaysFailsOnBrokenInternalLinks()
    {
        var report = Report(Internal("../gone/", "pages/a.md"));
        var ledger = new LinkLedger();
        ledger.RecordRun(report.Results, DateTimeOffset.UnixEpoch);
        Assert.Single(new FailurePolicy(FailurePolicyKind.Scheduled, FailAfter: 5).Failing(report, ledger));
    }

    [Fact]
    public void Ledger_UnverifiableRunsNeitherCountNorReset_AndTheFileRoundTrips()
    {
        string url = "https://unece.org/walled";
        var ledger = new LinkLedger();
        ledger.RecordRun([External(url, LinkStatus.Broken, "pages/a.md")], DateTimeOffset.UnixEpoch);
        ledger.RecordRun([External(url, LinkStatus.Unverifiable, "pages/a.md")], DateTimeOffset.UnixEpoch.AddDays(1));
        ledger.RecordRun([External(url, LinkStatus.Broken, "pages/a.md")], DateTimeOffset.UnixEpoch.AddDays(2));
        Assert.Equal(2, ledger.Get(url)!.ConsecutiveFailures);

        string file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.json");
        try
        {
            ledger.Save(file);
            var back = LinkLedger.Load(file);
            Assert.Equal(2, back.Get(url)!.ConsecutiveFailures);
            Assert.Equal([LinkStatus.Broken, LinkStatus.Unverifiable, LinkStatus.Broken], back.Get(url)!.History.Select(h => h.Status));
            Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(2), back.Get(url)!.History[^1].At);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
