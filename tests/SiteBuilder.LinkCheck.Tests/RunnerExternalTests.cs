using System.Diagnostics;
using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.External;
using SiteBuilder.LinkCheck.Git;
using SiteBuilder.LinkCheck.Tests.Support;

namespace SiteBuilder.LinkCheck.Tests;

/// <summary>Whole runs over an inline site whose external links go to the fake unece.org.</summary>
public sealed class RunnerExternalTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly FakeUneceServer _server = fixture.Server;

    private string Site(string key) => Fixtures.WriteInline($$"""
        -- .sitebuilder/sourcemap.json --
        { "version": 1, "output": "_site", "pages": {
          "a/index.html": { "source": "pages/a.md", "links": [
            { "href": "https://unece.org/{{key}}/status/404", "line": 4, "column": 9 },
            { "href": "https://unece.org/{{key}}/ok#section", "line": 6, "column": 1 } ] },
          "b/index.html": { "source": "pages/b.md", "links": [
            { "href": "https://unece.org/{{key}}/moved", "line": 2, "column": 3 } ] } } }
        -- _site/a/index.html --
        <html><body><nav><a href="https://unece.org/{{key}}/ok">UNECE</a></nav>
        <p><a href="https://unece.org/{{key}}/status/404">gone</a> <a href="https://unece.org/{{key}}/ok#section">ok</a></p></body></html>
        -- _site/b/index.html --
        <html><body><nav><a href="https://unece.org/{{key}}/ok">UNECE</a></nav>
        <p><a href="https://unece.org/{{key}}/moved">moved</a></p></body></html>
        """);

    private LinkCheckOptions Options(string root, IReadOnlySet<string>? changed = null) => new()
    {
        SourceDirectory = root,
        SiteDirectory = Path.Combine(root, "_site"),
        ChangedSources = changed,
        External = new ExternalCheckOptions
        {
            Remaps = _server.Remaps,
            Timeout = TimeSpan.FromSeconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            DetectSoftNotFound = false,
            Hosts = new HostSettingsTable(new HostSettings(2, TimeSpan.Zero)),
        },
    };

    [Fact]
    public async Task ExternalResults_KeepTheOriginalUrl_AreAtMarkdownPositions_AndEachUrlIsRequestedOnce()
    {
        string key = ServerFixture.NewKey();
        string root = Site(key);
        try
        {
            var report = await LinkCheckRunner.RunAsync(Options(root));
            var lines = report.Results.Select(r => $"{r.Source} {r.Status.ToName()} {r.Url}").ToList();
            Assert.Equal(
            [
                $"_site/a/index.html:1:18 ok https://unece.org/{key}/ok",
                $"_site/b/index.html:1:18 ok https://unece.org/{key}/ok",
                $"pages/a.md:4:9 broken https://unece.org/{key}/status/404",
                $"pages/a.md:6:1 ok https://unece.org/{key}/ok#section",
                $"pages/b.md:2:3 redirected https://unece.org/{key}/moved",
            ], lines);
            // ok once for its three occurrences (fragment aside), 404 once, moved once plus the hop to its target.
            var paths = _server.Hits(key).Select(h => h.Path).Order(StringComparer.Ordinal).ToList();
            Assert.Equal([$"/{key}/moved", $"/{key}/ok", $"/{key}/ok", $"/{key}/status/404"], paths);
            Assert.Equal(4, report.ExternalRequests);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ChangedSources_LimitExternalChecksToChangedPages_WhileInternalLinksAreAllChecked()
    {
        string key = ServerFixture.NewKey();
        string root = Site(key);
        File.WriteAllText(Path.Combine(root, "_site", "b", "extra.html"), "<a href=\"../a/\">a</a> <a href=\"../missing/\">m</a>");
        try
        {
            var report = await LinkCheckRunner.RunAsync(Options(root, new HashSet<string> { "pages/b.md" }));
            Assert.All(report.Results.Where(r => r.Kind == LinkKind.External), r => Assert.Equal("pages/b.md", r.PageSource));
            Assert.Equal(3, report.ExternalSkipped);
            Assert.Equal(new SourceLocation("_site/b/extra.html", 1, 23), report.Results.Single(r => r.Status == LinkStatus.Broken).Source);
            Assert.DoesNotContain(_server.Hits(key), h => h.Path.Contains("status/404"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ChangedFiles_ListsCommittedUncommittedAndUntrackedChangesSinceARef()
    {
        string root = Fixtures.WriteInline("""
            -- pages/a.md --
            A
            -- pages/b.md --
            B
            -- pages/c.md --
            C
            """);
        try
        {
            Git(root, "init", "-q", "-b", "main");
            Git(root, "add", ".");
            Git(root, "commit", "-q", "-m", "base");
            Git(root, "tag", "base");
            File.WriteAllText(Path.Combine(root, "pages", "a.md"), "A changed\n");
            Git(root, "commit", "-q", "-am", "change a");
            File.WriteAllText(Path.Combine(root, "pages", "b.md"), "B uncommitted\n");
            File.WriteAllText(Path.Combine(root, "pages", "new.md"), "new\n");
            var changed = await ChangedFiles.SinceAsync(root, "base");
            Assert.Equal(["pages/a.md", "pages/b.md", "pages/new.md"], changed.Order(StringComparer.Ordinal));
            await Assert.ThrowsAsync<GitException>(() => ChangedFiles.SinceAsync(root, "no-such-ref"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (k, v) in new[] { ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.invalid"), ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.invalid") })
            start.Environment[k] = v;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }
}
