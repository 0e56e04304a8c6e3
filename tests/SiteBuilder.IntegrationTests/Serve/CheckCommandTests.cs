using System.CommandLine;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// <c>sitebuilder check</c>: a strict build, then the <c>check-links</c> command of the same executable
/// with the pull-request policy. A command that records its arguments stands in for check-links here,
/// to pin the call; the real one is another engineer's.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("sitebuilder-check-").FullName;
    private readonly List<string[]> _linkCheckCalls = [];

    private RootCommand Root(bool withLinkCheck, int linkCheckExit = 0)
    {
        var root = new RootCommand { CheckCommand.Create() };
        if (!withLinkCheck) return root;
        var site = new Option<string>("--site");
        var source = new Option<string>("--source");
        var policy = new Option<string>("--policy");
        var format = new Option<string>("--format");
        var since = new Option<string?>("--changed-since");
        var offline = new Option<bool>("--offline");
        var checkLinks = new Command("check-links") { site, source, policy, format, since, offline };
        checkLinks.SetAction(parse =>
        {
            _linkCheckCalls.Add([parse.GetValue(site)!, parse.GetValue(source)!, parse.GetValue(policy) ?? "", parse.GetValue(format)!,
                parse.GetValue(since) ?? "", parse.GetValue(offline).ToString()]);
            return linkCheckExit;
        });
        root.Subcommands.Add(checkLinks);
        return root;
    }

    private void Write(string path, string text)
    {
        string full = Path.Combine(_site, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void AWarningFailsTheCheckAndTheLinkCheckDoesNotRun()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\nno_such_key: 1\n---\nHome.\n");
        int code = Root(withLinkCheck: true).Parse(["check", "--source", _site, "--quiet"]).Invoke();
        Assert.Equal(2, code);
        Assert.Empty(_linkCheckCalls);
        Assert.False(Directory.Exists(Path.Combine(_site, "_site")));
    }

    [Fact]
    public void ACleanSiteIsBuiltThenItsLinksCheckedWithThePullRequestPolicy()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\n---\nHome.\n");
        int code = Root(withLinkCheck: true, linkCheckExit: 2).Parse(["check", "--source", _site, "--changed-since", "origin/main", "--quiet"]).Invoke();
        // The link check's verdict is the check's.
        Assert.Equal(2, code);
        var call = Assert.Single(_linkCheckCalls);
        Assert.Equal([Path.Combine(_site, "_site"), _site, "pr", "text", "origin/main", "False"], call);
        Assert.True(File.Exists(Path.Combine(_site, "_site", "index.html")));
    }

    [Fact]
    public void WithoutTheLinkCheckCommandTheBuildDecides()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\n---\nHome.\n");
        Assert.Equal(0, Root(withLinkCheck: false).Parse(["check", "--source", _site, "--offline", "--quiet"]).Invoke());
    }

    [Fact]
    public void WithoutABaseEveryLinkIsCheckedWithoutThePullRequestPolicy()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\n---\nHome.\n");
        Assert.Equal(0, Root(withLinkCheck: true).Parse(["check", "--source", _site, "--offline", "--quiet"]).Invoke());
        var call = Assert.Single(_linkCheckCalls);
        Assert.Equal([Path.Combine(_site, "_site"), _site, "", "text", "", "True"], call);
    }

    public void Dispose()
    {
        try { Directory.Delete(_site, recursive: true); } catch (IOException) { }
    }
}
