using SiteBuilder.Build;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Build;

/// <summary>
/// A site with no <c>site.yml</c> (or one without <c>base_url</c> and <c>repository</c>) invents no address: nothing
/// absolute to a made-up host, no sitemap (a note says why), no edit or repository links.
/// </summary>
public sealed class DefaultSiteTests
{
    private const string Pages = """
        -- pages/index.md --
        ---
        title: Home
        ---
        See the [guide](guide/index.md).
        -- pages/guide/index.md --
        ---
        title: Guide
        aliases: [old-guide]
        ---
        Read [[Setup]].
        -- pages/guide/setup.md --
        ---
        title: Setup
        ---
        Set it up.
        """;

    [Fact]
    public void ASiteWithoutSiteYmlHasNoAbsoluteUrlNoSitemapAndNoEditLinks()
    {
        using var site = TestSite.Create(Pages);
        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(site.Output, "404.html"), files);
        Assert.Contains(Path.Combine(site.Output, "old-guide", "index.html"), files);
        foreach (string file in files.Where(f => !f.EndsWith(".js", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain("example.org", text);
            Assert.DoesNotContain("rel=\"canonical\"", text);
            Assert.DoesNotContain("Edit this page", text);
            Assert.DoesNotContain("Source repository", text);
        }
        Assert.False(File.Exists(Path.Combine(site.Output, "sitemap.xml")));
        Assert.Equal("User-agent: *\nAllow: /\n", site.ReadOutput("robots.txt"));
        // The 404 page is served at any depth: its links start at the root path, not at a host.
        Assert.Contains("href=\"/guide/\"", site.ReadOutput("404.html"));
    }

    [Fact]
    public void TheMissingSitemapIsANoteAtSiteYmlThatNeverFailsAStrictBuild()
    {
        using var site = TestSite.Create(Pages);
        var result = site.Build(strict: true);

        var note = Assert.Single(result.Diagnostics);
        Assert.Equal("site.yml: note SB0040: no base_url: sitemap.xml is not written and pages have no canonical link; " +
                     "set base_url in site.yml, or pass --base-url, to the address the site is published at", note.ToString());
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.WarningCount);
    }

    [Fact]
    public void TheBaseUrlOptionOverridesSiteYmlAndBringsTheSitemapBack()
    {
        using var site = TestSite.Create(Pages + "\n-- site.yml --\ntitle: T\nbase_url: https://wrong.example/\n");
        var result = new SiteGenerator().Build(new BuildOptions { SourceDir = site.Root, BaseUrl = "https://me.github.io/wiki", Strict = true });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<loc>https://me.github.io/wiki/guide/setup/</loc>", site.ReadOutput("sitemap.xml"));
        Assert.Contains("<link rel=\"canonical\" href=\"https://me.github.io/wiki/guide/\">", site.ReadOutput("old-guide/index.html"));
        Assert.Contains("href=\"/wiki/guide/\"", site.ReadOutput("404.html"));
    }

    [Theory]
    [InlineData("ftp://host/")]
    [InlineData("not a url")]
    [InlineData("https://host/?q=1")]
    public void ABaseUrlOptionThatIsNotAnHttpUrlIsAConfigurationError(string url)
    {
        using var site = TestSite.Create(Pages);
        var result = new SiteGenerator().Build(new BuildOptions { SourceDir = site.Root, BaseUrl = url });

        Assert.False(result.Succeeded);
        Assert.Equal([$"--base-url: error SB0002: the base URL must be an absolute http or https URL, got '{url}'"], TestSite.Lines(result));
    }

    [Fact]
    public void ABaseUrlInSiteYmlThatIsNotAnHttpUrlIsReportedAtItsValue()
    {
        using var site = TestSite.Create(Pages + "\n-- site.yml --\ntitle: T\nbase_url: mailto:me@host\n");
        var result = site.Build();

        Assert.Equal(["site.yml:2:11: error SB0002: 'base_url' must be an absolute http or https URL, got 'mailto:me@host'"], TestSite.Lines(result));
    }
}
