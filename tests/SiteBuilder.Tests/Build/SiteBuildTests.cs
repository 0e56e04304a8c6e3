using System.Security.Cryptography;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Build;

/// <summary>Whole-site builds: layouts, rendering, site files, atomic output and determinism.</summary>
public sealed class SiteBuildTests
{
    private const string Site = """
        -- site.yml --
        title: Test wiki
        base_url: https://wiki.example.org/docs/
        repository: https://github.com/example/wiki
        -- pages/index.md --
        ---
        title: Home
        description: Start here
        ---
        Welcome to the [DIMiS](dimis/index.md) section.
        -- pages/dimis/index.md --
        ---
        title: DIMiS
        weight: 1
        ---
        ## Entries

        | Country | Year |
        |---------|------|
        | EST     | 2014 |

        > [!WARNING]
        > Not verified against the original.

        - [x] done
        - [ ] to do

        A claim.[^1]

        [^1]: Its source.
        -- pages/dimis/about.md --
        ---
        title: About DIMiS
        sources:
          - title: The original
            url: https://unece.org/x
        ---
        ## Fields used
        Back to [the entries](index.md#entries).
        -- pages/dimis/picture.png --
        not really a png
        """;

    [Fact]
    public void EveryPageGoesThroughALayoutWithTitleMainBreadcrumbsAndSidebar()
    {
        using var site = TestSite.Create(Site);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        Assert.Equal(3, result.PageCount);

        string about = site.ReadOutput("dimis/about/index.html");
        // Layouts escape only what HTML needs: the dash is written as it is, not as &#x2014;.
        Assert.Contains("<title>About DIMiS — Test wiki</title>", about);
        Assert.Contains("<main id=\"main\"", about);
        Assert.Contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">", about);
        Assert.Contains("<li><a href=\"../../\">Home</a></li>", about);
        Assert.Contains("<li><a href=\"../\">DIMiS</a></li>", about);
        Assert.Contains("<nav class=\"sidebar\" aria-label=\"Pages in this section\">", about);
        Assert.Contains("<a href=\"./\" aria-current=\"page\">About DIMiS</a>", about);
        Assert.Contains("<a href=\"../#entries\">the entries</a>", about);
        Assert.Contains("<h2 id=\"fields-used\">Fields used</h2>", about);
        Assert.Contains("<section class=\"sources\"", about);
        Assert.Contains("<a href=\"https://unece.org/x\">The original</a>", about);
        Assert.Contains("href=\"https://github.com/example/wiki/edit/main/pages/dimis/about.md\"", about);
        Assert.Contains("<link rel=\"canonical\" href=\"https://wiki.example.org/docs/dimis/about/\">", about);
        Assert.Contains("href=\"../../assets/css/site.css\"", about);
    }

    [Fact]
    public void MarkdownFeaturesRender()
    {
        using var site = TestSite.Create(Site);
        site.Build();
        string dimis = site.ReadOutput("dimis/index.html");
        Assert.Contains("<table>", dimis);
        Assert.Contains("<th>Country</th>", dimis);
        Assert.Contains("markdown-alert markdown-alert-warning", dimis);
        Assert.Contains("type=\"checkbox\"", dimis);
        Assert.Contains("class=\"footnotes\"", dimis);
        Assert.Contains("<h2 id=\"entries\">Entries</h2>", dimis);
        Assert.Contains("<section class=\"backlinks\"", dimis);
        Assert.Contains("<a href=\"about/\">About DIMiS</a>", dimis);
    }

    [Fact]
    public void SiteFilesAreWritten()
    {
        using var site = TestSite.Create(Site);
        site.Build();
        Assert.Equal("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://wiki.example.org/docs/</loc></url>
              <url><loc>https://wiki.example.org/docs/dimis/</loc></url>
              <url><loc>https://wiki.example.org/docs/dimis/about/</loc></url>
            </urlset>

            """.Replace("\r\n", "\n"), site.ReadOutput("sitemap.xml"));
        Assert.Contains("Sitemap: https://wiki.example.org/docs/sitemap.xml", site.ReadOutput("robots.txt"));
        string notFound = site.ReadOutput("404.html");
        Assert.Contains("Page not found", notFound);
        // Served at any depth, the 404 page links from the site's absolute base path.
        Assert.Contains("href=\"/docs/assets/css/site.css\"", notFound);
        Assert.Equal("not really a png\n", site.ReadOutput("dimis/picture.png"));
        Assert.True(File.Exists(Path.Combine(site.Output, "assets/css/site.css")), "theme assets are copied");
        Assert.True(File.Exists(Path.Combine(site.Root, ".sitebuilder/sourcemap.json")), "the link source map is left beside the sources");
        Assert.False(File.Exists(Path.Combine(site.Output, ".sitebuilder/sourcemap.json")), "the source map is not published");
    }

    [Fact]
    public void TwoBuildsAreByteIdentical()
    {
        using var site = TestSite.Create(Site);
        string a = Path.Combine(site.Root, "out-a"), b = Path.Combine(site.Root, "out-b");
        Assert.True(site.Build(a).Succeeded);
        Assert.True(site.Build(b).Succeeded);
        Assert.Equal(Hashes(a), Hashes(b));
        Assert.True(Hashes(a).Count >= 8);
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousOutputUntouched()
    {
        using var site = TestSite.Create(Site);
        Assert.True(site.Build().Succeeded);
        var before = Hashes(site.Output);

        site.Write("-- pages/dimis/about.md --\n---\ntitle: [unclosed\n---\nchanged body\n");
        var failed = site.Build();
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Code == "SB0102");
        Assert.Equal(before, Hashes(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.*"));
    }

    [Fact]
    public void ASuccessfulRebuildReplacesTheOutputWhole()
    {
        using var site = TestSite.Create(Site);
        site.Build();
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "left over");
        site.Write("-- pages/dimis/about.md --\n---\ntitle: About, renamed\n---\n");
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")), "files of the previous build do not survive");
        Assert.Contains("About, renamed", site.ReadOutput("dimis/about/index.html"));
    }

    [Fact]
    public void SiteLayoutsOverrideTheBuiltInTheme()
    {
        using var site = TestSite.Create(Site + """

            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p class="custom">@Model.Title</p>
            -- layouts/section.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p class="custom">@Model.Title</p>
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p class="custom">@Model.Title</p>
            """);
        Assert.True(site.Build().Succeeded);
        Assert.Equal("<p class=\"custom\">About DIMiS</p>\n", site.ReadOutput("dimis/about/index.html"));
    }

    [Fact]
    public void DraftsAreLeftOutUnlessAskedFor()
    {
        using var site = TestSite.Create(Site + "\n-- pages/draft.md --\n---\ntitle: Draft\ndraft: true\n---\n");
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "draft/index.html")));
    }

    private static SortedDictionary<string, string> Hashes(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
