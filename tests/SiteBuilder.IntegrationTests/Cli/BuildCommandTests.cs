using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Cli;

/// <summary>The <c>sitebuilder build</c> executable as a user runs it: output, exit codes, no stack traces.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitebuilder-cli-").FullName;

    private void Write(string path, string text)
    {
        string full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Fact]
    public void GoodSiteExitsZeroAndSaysWhatItBuilt()
    {
        Write("pages/index.md", "---\ntitle: Home\n---\nHi\n");
        var (code, stdout, stderr) = Run("build", "--source", _dir);
        Assert.Equal(0, code);
        Assert.Contains("Built 1 pages", stdout);
        // In CI and when redirected, progress is plain lines on stderr; there is no problem line.
        Assert.DoesNotContain(": error ", stderr);
        Assert.DoesNotContain(": warning ", stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "_site", "index.html")));
    }

    [Fact]
    public void BrokenYamlExitsTwoWithACompilerStyleLineAndNoStackTrace()
    {
        Write("pages/index.md", "---\ntitle: Home\n---\nHi\n");
        Assert.Equal(0, Run("build", "--source", _dir).Code);
        string before = File.ReadAllText(Path.Combine(_dir, "_site", "index.html"));

        Write("pages/index.md", "---\ntitle: [Home\nlabels: x\n---\nChanged\n");
        var (code, _, stderr) = Run("build", "--source", _dir);
        Assert.Equal(2, code);
        Assert.Matches(@"(?m)^pages/index\.md:\d+:\d+: error SB0102: invalid YAML", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Contains("the previous output was left untouched", stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_dir, "_site", "index.html")));
    }

    [Fact]
    public void BadConfigurationExitsThree()
    {
        Write("pages/index.md", "---\ntitle: Home\n---\n");
        Write("site.yml", "title: [x\n");
        var (code, _, stderr) = Run("build", "--source", _dir);
        Assert.Equal(3, code);
        Assert.Matches(@"(?m)^site\.yml:\d+:\d+: error SB0001: ", stderr);
    }

    [Fact]
    public void MissingPagesFolderExitsThree()
    {
        var (code, _, stderr) = Run("build", "--source", _dir);
        Assert.Equal(3, code);
        Assert.Contains("error SB0004: no pages/ folder", stderr);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, stderr) = Run("build", "--no-such-option");
        Assert.Equal(3, code);
        Assert.Contains("--no-such-option", stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
