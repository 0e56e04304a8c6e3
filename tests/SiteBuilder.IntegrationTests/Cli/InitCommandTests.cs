using SiteBuilder.IntegrationTests.Support;
using System.Text.Json;

namespace SiteBuilder.IntegrationTests.Cli;

/// <summary>
/// <c>sitebuilder init</c> as a new user runs it: the new site builds strict, its link check reports nothing, nothing in
/// it names a made-up host, and init never overwrites a file or writes outside its folder.
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitebuilder-init-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Fact]
    public void ANewSiteBuildsStrictAndItsLinkCheckReportsNothing()
    {
        string site = Path.Combine(_dir, "my-wiki");
        var init = Run("init", site, "--title", "My \"first\" wiki");
        Assert.True(init.Code == 0, init.Err);

        var build = Run("build", "--source", site, "--strict");
        Assert.True(build.Code == 0, build.Err);
        Assert.DoesNotContain(": error ", build.Err);
        Assert.DoesNotContain(": warning ", build.Err);
        Assert.Contains("site.yml: note SB0040: no base_url", build.Err);

        string report = Path.Combine(_dir, "links.json");
        var links = Run("check-links", "--site", Path.Combine(site, "_site"), "--source", site, "--offline", "--format", "json", "--output", report);
        Assert.True(links.Code == 0, links.Err + links.Out);
        var summary = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("links").GetInt32() > 20);
        Assert.Equal(summary.GetProperty("links").GetInt32(), summary.GetProperty("ok").GetInt32());
        Assert.Equal(0, summary.GetProperty("externalSkipped").GetInt32());

        foreach (string file in Directory.EnumerateFiles(Path.Combine(site, "_site"), "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("example.org", File.ReadAllText(file));
        Assert.Contains("<title>My &quot;first&quot; wiki</title>", File.ReadAllText(Path.Combine(site, "_site", "index.html")));
        Assert.StartsWith("# yaml-language-server: $schema=schemas/site.schema.json\n", File.ReadAllText(Path.Combine(site, "site.yml")));
        Assert.True(File.Exists(Path.Combine(site, "schemas", "site.schema.json")));
        Assert.Equal("_site/\n.sitebuilder/\n", File.ReadAllText(Path.Combine(site, ".gitignore")));
        Assert.Contains("dotnet tool run sitebuilder build --strict --base-url", File.ReadAllText(Path.Combine(site, ".github", "workflows", "pages.yml")));
        Assert.Contains("\"version\": \"0.1.0\"", File.ReadAllText(Path.Combine(site, ".config", "dotnet-tools.json")));
    }

    [Fact]
    public void WithThemeTheBuiltInLayoutsAreCopiedAndUsed()
    {
        string site = Path.Combine(_dir, "themed");
        Assert.Equal(0, Run("init", site, "--theme").Code);
        Assert.True(File.Exists(Path.Combine(site, "layouts", "_Layout.cshtml")));
        Assert.True(File.Exists(Path.Combine(site, "layouts", "assets", "css", "site.css")));

        File.AppendAllText(Path.Combine(site, "layouts", "assets", "css", "site.css"), "\n/* mine */\n");
        var build = Run("build", "--source", site, "--strict");
        Assert.True(build.Code == 0, build.Err);
        Assert.EndsWith("/* mine */\n", File.ReadAllText(Path.Combine(site, "_site", "assets", "css", "site.css")));
    }

    [Fact]
    public void ANonEmptyFolderIsRefusedUnlessForcedAndNoFileIsEverOverwritten()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "mine");
        var refused = Run("init", _dir);
        Assert.Equal(3, refused.Code);
        Assert.Contains("is not empty", refused.Err);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));

        File.WriteAllText(Path.Combine(_dir, "site.yml"), "title: Mine\n");
        var blocked = Run("init", _dir, "--force");
        Assert.Equal(3, blocked.Code);
        Assert.Contains("site.yml: already exists", blocked.Err);
        Assert.Contains("nothing was written", blocked.Err);
        Assert.Equal("title: Mine\n", File.ReadAllText(Path.Combine(_dir, "site.yml")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "pages")));

        File.Delete(Path.Combine(_dir, "site.yml"));
        Assert.Equal(0, Run("init", _dir, "--force").Code);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(_dir, "pages", "index.md")));
    }

    [Fact]
    public void ALinkInTheFolderNeverSendsAWriteOutsideIt()
    {
        string outside = Directory.CreateTempSubdirectory("sitebuilder-outside-").FullName;
        try
        {
            string site = Path.Combine(_dir, "site");
            Directory.CreateDirectory(site);
            Directory.CreateSymbolicLink(Path.Combine(site, "pages"), outside);
            File.CreateSymbolicLink(Path.Combine(site, ".gitignore"), Path.Combine(outside, "planted"));

            var result = Run("init", site, "--force");
            Assert.Equal(3, result.Code);
            Assert.Contains("pages/index.md: 'pages' is a symbolic link", result.Err);
            Assert.Contains(".gitignore: already exists", result.Err);
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
            Assert.False(File.Exists(Path.Combine(site, "site.yml")));
        }
        finally { Directory.Delete(outside, recursive: true); }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
