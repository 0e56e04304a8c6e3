using System.CommandLine;
using System.Text.Json;
using SiteBuilder.Cli.Commands;
using SiteBuilder.LinkCheck.Tests.Support;

namespace SiteBuilder.LinkCheck.Tests.Cli;

/// <summary><c>sitebuilder check-links</c> end to end: options, exit codes, files, against the fake unece.org.</summary>
public sealed class CheckLinksCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly FakeUneceServer _server = fixture.Server;

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var root = new RootCommand { CheckLinksCommand.Create() };
        var parse = root.Parse(["check-links", .. args]);
        Assert.Empty(parse.Errors);
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Remaps() => _server.Remaps.SelectMany(r => new[] { "--remap", $"{r.Pattern} {r.Replacement}" }).ToArray();

    [Fact]
    public async Task Offline_OnTheRemovedPageFixture_ExitsTwo_AndPrintsMarkdownPositions()
    {
        string f = Fixtures.Path("removed-page");
        var (exit, stdout, _) = await Run("--source", f, "--site", Path.Combine(f, "site"), "--offline");
        Assert.Equal(2, exit);
        Assert.Contains("pages/dimis/index.md\n  12:5     broken", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task JsonToAFile_WritesTheReport_AndASummaryLineOnStandardError()
    {
        string f = Fixtures.Path("removed-page");
        string file = Path.Combine(Path.GetTempPath(), $"links-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, stdout, stderr) = await Run("--source", f, "--site", Path.Combine(f, "site"), "--offline", "--format", "json", "--output", file);
            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Contains("4 broken links fail the policy", stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(4, doc.RootElement.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("status").GetString() == "broken"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--accept", "2xx")]
    [InlineData("--format", "xml")]
    [InlineData("--policy", "nightly")]
    [InlineData("--policy", "scheduled")]
    [InlineData("--remap", "no-space")]
    [InlineData("--exclude", "(unclosed")]
    [InlineData("--cache-max-age", "forever")]
    [InlineData("--max-concurrency", "0")]
    [InlineData("--changed-since", "no-such-ref-anywhere")]
    public async Task UsageErrors_ExitThree_WithOneLineAndNoStackTrace(string option, string value)
    {
        string f = Fixtures.Path("removed-page");
        var (exit, stdout, stderr) = await Run("--source", f, "--site", Path.Combine(f, "site"), "--offline", option, value);
        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("sitebuilder check-links: ", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task WithoutSite_TheSourceMapsOutputFolderIsChecked()
    {
        var (exit, stdout, _) = await Run("--source", Fixtures.Path("removed-page"), "--offline");
        Assert.Equal(2, exit);
        Assert.Contains("site/dimis/index.html\n  7:35", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task PullRequestPolicy_WithoutChangedSince_CountsEveryPageAsChanged()
    {
        string f = Fixtures.Path("removed-page");
        var (exit, _, stderr) = await Run("--source", f, "--site", Path.Combine(f, "site"), "--offline", "--policy", "pr", "--format", "json");
        Assert.Equal(2, exit);
        Assert.Contains("4 broken links fail the policy", stderr);
    }

    [Fact]
    public async Task MissingSite_IsAUsageError()
    {
        var (exit, _, stderr) = await Run("--source", Path.GetTempPath(), "--site", "/nonexistent/_site");
        Assert.Equal(3, exit);
        Assert.Contains("does not exist", stderr);
    }

    private string ExternalSite(string key, string siteYml = "") => Fixtures.WriteInline($$"""
        -- site.yml --
        title: test
        {{siteYml}}
        -- _site/index.html --
        <a href="https://unece.org/{{key}}/ok">ok</a>
        <a href="https://unece.org/{{key}}/status/404">gone</a>
        <a href="https://unece.org/{{key}}/botwall">wall</a>
        -- _site/more.html --
        <a href="https://unece.org/{{key}}/busy/1">1</a><a href="https://unece.org/{{key}}/busy/2">2</a><a href="https://unece.org/{{key}}/busy/3">3</a>
        """);

    [Fact]
    public async Task CacheAndScheduledLedger_AcrossRuns_AskNothingForGoodLinks_AndQuarantineUntilNRuns()
    {
        string key = ServerFixture.NewKey();
        string root = ExternalSite(key);
        string[] common = ["--source", root, "--timeout", "2", "--max-retries", "0", "--host-interval-ms", "0", "--no-soft-404",
                           "--cache", Path.Combine(root, ".cache/links.json"), "--ledger", Path.Combine(root, ".cache/ledger.json"),
                           "--policy", "scheduled", "--fail-after", "2", "--format", "github", .. Remaps()];
        try
        {
            var first = await Run(common);
            Assert.Equal(0, first.Exit); // the 404 is broken once: quarantined
            Assert.Contains($"::warning file=_site/index.html,line=2,col=1,title=broken link::broken link https://unece.org/{key}/status/404 (404)", first.Out);
            Assert.Contains("title=unverifiable link::", first.Out);
            int afterFirst = _server.Hits(key).Count;

            var second = await Run(common);
            Assert.Equal(2, second.Exit); // broken two runs in a row: fails
            Assert.Contains($"::error file=_site/index.html,line=2,col=1,title=broken link::broken link https://unece.org/{key}/status/404 (404)", second.Out);
            var asked = _server.Hits(key).Skip(afterFirst).Select(h => h.Path).Distinct().Order().ToList();
            Assert.Equal([$"/{key}/botwall", $"/{key}/status/404"], asked);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task SiteYmlHostSettings_LimitTheHost()
    {
        string key = ServerFixture.NewKey();
        string root = ExternalSite(key, "link_check:\n  hosts:\n    unece.org: { concurrency: 1, interval_ms: 20 }\n");
        try
        {
            var (exit, _, stderr) = await Run(["--source", root, "--timeout", "2", "--no-soft-404", "--host-concurrency", "4", "--format", "json", .. Remaps()]);
            Assert.Equal(2, exit);
            Assert.DoesNotContain("site.yml", stderr);
            Assert.Equal(1, _server.MaxInFlight(key));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
