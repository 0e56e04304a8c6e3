namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// The preview server never returns a file outside the built site, whatever form the path takes:
/// dot segments, encoded or double-encoded dots and slashes, backslashes, absolute paths and targets,
/// overlong UTF-8, source files, and symbolic links under <c>pages/</c> that lead outside it.
/// </summary>
public sealed class PathTraversalTests(ServedSiteFixture fixture) : IClassFixture<ServedSiteFixture>
{
    private readonly ServedSite _site = fixture.Site;

    public static TheoryData<string> Attacks() =>
    [
        "/../secret.txt",
        "/../../secret.txt",
        "/docs/../../secret.txt",
        "/docs/../../../secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%25252e%25252e/secret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/..%5Csecret.txt",
        "/%5c..%5c..%5csecret.txt",
        "/docs\\..\\..\\secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%af../secret.txt",
        "/..;/secret.txt",
        "/....//secret.txt",
        "/./../secret.txt",
        "//secret.txt",
        "//../secret.txt",
        "/secret.txt",
        "/site.yml",
        "/pages/index.md",
        "/pages/../secret.txt",
        "/site/secret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/leak.txt",
        "/linked/secret.txt",
        "/linked/../secret.txt",
        "/etc/passwd",
        "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/C:/Windows/win.ini",
        "/C:%5cWindows%5cwin.ini",
        "/%00../secret.txt",
        "/secret.txt%00.html",
        "http://127.0.0.1/../secret.txt",
        "http://127.0.0.1/%2e%2e/secret.txt",
        "*",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task APathOutsideTheSiteNeverReturnsAFile(string target)
    {
        var (status, response) = await RawHttp.GetAsync(_site.Url, target);
        Assert.DoesNotContain(ServedSite.Secret, response);
        Assert.DoesNotContain("root:x:0:0", response);
        Assert.DoesNotContain("title: Serve test", response);
        Assert.DoesNotContain("Welcome home. See [the guide]", response);
        // 405 is Kestrel's own answer to the asterisk form.
        Assert.True(status is 400 or 404 or 405 or 301, $"{target} answered {status}");
        if (status == 301) Assert.DoesNotContain("secret", response.Split("\r\n\r\n")[0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/", "Welcome home.")]
    [InlineData("/docs/guide/", "The first version of the guide.")]
    [InlineData("/docs/note.txt", "a page asset")]
    [InlineData("/docs/inside.txt", "a page asset")]
    [InlineData("/docs/guide/?q=1", "The first version of the guide.")]
    public async Task FilesOfTheSiteAreServed(string target, string expected)
    {
        var (status, response) = await RawHttp.GetAsync(_site.Url, target);
        Assert.Equal(200, status);
        Assert.Contains(expected, response);
    }

    [Fact]
    public async Task AFolderWithoutItsSlashRedirectsSoRelativeLinksWork()
    {
        var (status, response) = await RawHttp.GetAsync(_site.Url, "/docs/guide");
        Assert.Equal(301, status);
        Assert.Contains("Location: /docs/guide/", response);
    }

    [Fact]
    public async Task ServedHtmlCarriesTheLiveReloadScriptButTheBuiltSiteDoesNot()
    {
        var (_, response) = await RawHttp.GetAsync(_site.Url, "/docs/guide/");
        Assert.Contains("<script src=\"/__sitebuilder/live-reload.js\" data-version=\"1\"></script></body>", response);
        string built = System.Text.Encoding.UTF8.GetString(_site.Server.FirstBuild.Succeeded
            ? GetBuilt("docs/guide/index.html") : []);
        Assert.DoesNotContain("live-reload", built);
        var (status, script) = await RawHttp.GetAsync(_site.Url, "/__sitebuilder/live-reload.js");
        Assert.Equal(200, status);
        Assert.Contains("role", script);
    }

    private byte[] GetBuilt(string path)
    {
        var (_, context) = new SiteBuilder.Build.SiteGenerator().Run(new SiteBuilder.Build.BuildOptions { SourceDir = _site.Source, DryRun = true });
        return ((SiteBuilder.Output.MemoryOutput)context.Output).Files[path];
    }
}
