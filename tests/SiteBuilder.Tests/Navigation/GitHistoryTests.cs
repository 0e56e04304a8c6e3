using System.Diagnostics;
using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Navigation;

/// <summary>
/// "Last updated" comes from git and is never wrong: in a shallow clone a file whose newest visible
/// commit is the shallow boundary may be older than it looks, so it gets no date.
/// </summary>
public sealed class GitHistoryTests
{
    private static readonly Lazy<string> Origin = new(CreateRepository);

    [Fact]
    public void A_full_history_dates_each_page_by_its_last_commit()
    {
        var dates = LastUpdated(Origin.Value);
        Assert.Equal("2022-03-03", dates["pages/a.md"]);
        Assert.Equal("2021-02-02", dates["pages/b.md"]);
        Assert.Equal("2020-01-01", dates["pages/c.md"]);
    }

    [Fact]
    public void A_depth_one_clone_dates_nothing()
    {
        string clone = Clone(depth: 1);
        Assert.Empty(LastUpdated(clone));
    }

    [Fact]
    public void A_deeper_shallow_clone_dates_only_files_changed_after_the_boundary()
    {
        string clone = Clone(depth: 2);
        var dates = LastUpdated(clone);
        // a.md changed in the newest commit; b.md and c.md were last seen in the boundary commit.
        Assert.Equal(new Dictionary<string, string> { ["pages/a.md"] = "2022-03-03" }, dates);
    }

    [Fact]
    public void Outside_a_repository_there_are_no_dates()
    {
        string dir = TestSites.Write("-- pages/index.md --\n---\ntitle: T\n---\n");
        Assert.Empty(LastUpdated(dir));
    }

    private static Dictionary<string, string> LastUpdated(string dir)
    {
        var context = new BuildContext(new BuildOptions { SourceDir = dir });
        new ReadGitHistory().Execute(context);
        return new Dictionary<string, string>(context.LastUpdated);
    }

    private static string Clone(int depth)
    {
        string target = Path.Combine(TestSites.TempDir(), "clone");
        Git(Path.GetDirectoryName(target)!, null, "clone", "--quiet", "--depth", depth.ToString(), "file://" + Origin.Value, target);
        return target;
    }

    private static string CreateRepository()
    {
        string dir = TestSites.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "pages"));
        Git(dir, null, "init", "--quiet", "--initial-branch=main");
        Commit(dir, "2020-01-01T10:00:00+00:00", ("a.md", "one"), ("c.md", "one"));
        Commit(dir, "2021-02-02T10:00:00+00:00", ("b.md", "one"));
        Commit(dir, "2022-03-03T10:00:00+00:00", ("a.md", "two"));
        return dir;
    }

    private static void Commit(string dir, string date, params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(dir, "pages", file), $"---\ntitle: {file}\n---\n{text}\n");
        Git(dir, null, "add", "pages");
        Git(dir, date, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "change " + date);
    }

    private static void Git(string dir, string? date, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        if (date is not null)
        {
            psi.Environment["GIT_AUTHOR_DATE"] = date;
            psi.Environment["GIT_COMMITTER_DATE"] = date;
        }
        using var process = Process.Start(psi)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
