using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Tests.Support;

namespace SiteBuilder.LinkCheck.Tests;

/// <summary>
/// tests/fixtures/linkcheck/removed-page: a deployed site with a page removed. Links written in
/// Markdown are reported at their Markdown line:col (from the source map); layout links at the HTML file.
/// </summary>
public sealed class RemovedPageTests
{
    private static async Task<LinkCheckReport> Run(string source, string site = "site") =>
        await LinkCheckRunner.RunAsync(new LinkCheckOptions
        {
            SourceDirectory = source,
            SiteDirectory = Path.Combine(source, site),
            Offline = true,
        });

    [Fact]
    public async Task BrokenContentLink_IsReportedAtItsMarkdownLineAndColumn()
    {
        var report = await Run(Fixtures.Path("removed-page"));
        var broken = report.Results.Where(r => r.Status == LinkStatus.Broken).ToList();
        var about = Assert.Single(broken, r => r.Url == "../dimis/about/#fields");
        Assert.Equal(new SourceLocation("pages/dimis/index.md", 12, 5), about.Source);
        Assert.Equal(new SourceLocation("site/dimis/index.html", 13, 5), about.Html);
        Assert.Equal("pages/dimis/index.md", about.PageSource);
        Assert.Contains("'dimis/about/' not found", about.Message);
    }

    [Fact]
    public async Task EveryProblem_IsAtTheExpectedPosition_AndNothingElseIsBroken()
    {
        var report = await Run(Fixtures.Path("removed-page"));
        var broken = report.Results.Where(r => r.Status == LinkStatus.Broken).Select(r => $"{r.Source} {r.Url}").ToList();
        Assert.Equal(
        [
            "pages/dimis/index.md:12:5 ../dimis/about/#fields",
            "pages/dimis/index.md:13:56 ../dimis/methods/#weights",
            "site/dimis/index.html:7:35 ../dimis/about/",
            "site/dimis/index.html:16:1 ../assets/logo@2x.png",
        ], broken);
        Assert.Contains("fragment '#weights' not found", report.Results.Single(r => r.Url.EndsWith("#weights")).Message);
    }

    [Fact]
    public async Task RepeatedHref_TakesTheNextUnusedSourceMapEntry()
    {
        var report = await Run(Fixtures.Path("removed-page"));
        var sampling = report.Results.Where(r => r.Url == "../dimis/methods/#sampling").Select(r => r.Source.ToString()).ToList();
        Assert.Equal(["pages/dimis/index.md:11:10", "pages/dimis/index.md:13:5"], sampling);
        Assert.All(report.Results.Where(r => r.Url == "../dimis/methods/#sampling"), r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task Offline_SkipsExternalLinks_AndSkipsMailtoAndTopAnchors()
    {
        var report = await Run(Fixtures.Path("removed-page"));
        Assert.Equal(1, report.ExternalSkipped);
        Assert.DoesNotContain(report.Results, r => r.Kind == LinkKind.External || r.Url.StartsWith("mailto:"));
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#top").Status);
        Assert.Equal(3, report.PagesScanned);
        Assert.Equal(0, report.ExternalRequests);
    }

    [Fact]
    public async Task WithoutASourceMap_EverythingIsAtHtmlPositions()
    {
        string copy = Fixtures.WriteInline("-- placeholder --\n");
        CopyDirectory(Path.Combine(Fixtures.Path("removed-page"), "site"), Path.Combine(copy, "site"));
        try
        {
            var report = await Run(copy);
            var about = report.Results.Single(r => r.Url == "../dimis/about/#fields");
            Assert.Equal(new SourceLocation("site/dimis/index.html", 13, 5), about.Source);
            Assert.Null(about.PageSource);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
