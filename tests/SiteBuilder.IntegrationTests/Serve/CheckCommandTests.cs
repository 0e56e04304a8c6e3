using System.CommandLine;
using System.Diagnostics;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// <c>sitebuilder check</c>: a strict build, then the real link check of the built site (internal links always;
/// with <c>--changed-since</c>, the pull-request policy against a real git repository).
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("sitebuilder-check-").FullName;

    private static int Check(params string[] args) => new RootCommand { CheckCommand.Create() }.Parse(["check", .. args]).Invoke();

    private void Write(string path, string text)
    {
        string full = Path.Combine(_site, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = _site, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-c", "user.name=t", "-c", "user.email=t@example.org", .. args]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void AWarningFailsTheCheckAndTheLinkCheckDoesNotRun()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\nno_such_key: 1\n---\nHome.\n");
        Assert.Equal(2, Check("--source", _site, "--quiet"));
        Assert.False(Directory.Exists(Path.Combine(_site, "_site")));
    }

    [Fact]
    public void ACleanSiteIsBuiltAndItsLinksPass()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\n---\nSee [the guide](guide/index.md).\n");
        Write("pages/guide/index.md", "---\ntitle: Guide\n---\nGuide.\n");
        Assert.Equal(0, Check("--source", _site, "--offline", "--quiet"));
        Assert.True(File.Exists(Path.Combine(_site, "_site", "index.html")));
    }

    [Fact]
    public void ABrokenLinkOnlyTheHtmlHasFailsTheLinkCheck()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        // Raw HTML is not a Markdown link: the build passes it through, the link check of the built site finds it.
        Write("pages/index.md", "---\ntitle: Home\n---\n<a href=\"no-such-page/\">gone</a>\n");
        Assert.Equal(2, Check("--source", _site, "--offline", "--quiet"));
        Assert.True(File.Exists(Path.Combine(_site, "_site", "index.html")));
    }

    [Fact]
    public void WithChangedSinceTheLinkCheckReadsTheGitRepository()
    {
        Write("site.yml", "title: Check test\nbase_url: https://example.org/\n");
        Write("pages/index.md", "---\ntitle: Home\n---\nHome.\n");
        Write(".gitignore", "_site/\n.sitebuilder/\n");
        Git("init", "-q");
        Git("add", ".");
        Git("commit", "-qm", "site");
        Assert.Equal(0, Check("--source", _site, "--offline", "--quiet", "--changed-since", "HEAD"));
        // A ref git does not know is a usage error of the link check, after the build.
        Assert.Equal(3, Check("--source", _site, "--offline", "--quiet", "--changed-since", "no-such-ref"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_site, recursive: true); } catch (IOException) { }
    }
}
