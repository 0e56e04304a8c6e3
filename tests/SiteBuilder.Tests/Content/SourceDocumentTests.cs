using System.Diagnostics;
using SiteBuilder.Content;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Content;

/// <summary>
/// Sources that name a repository file are published with the site and linked there; a path from hostile front matter
/// that is missing, outside the source folder, hidden, a link, not a regular file or too large is an error at its
/// <c>url:</c>, and nothing outside the source folder is read or published.
/// </summary>
public sealed class SourceDocumentTests
{
    private const string Home = "-- pages/index.md --\n---\ntitle: Home\n---\nSee [[Report]].\n";

    private static string Page(string url) => $"-- pages/guide/report.md --\n---\ntitle: Report\nsources:\n  - title: The document\n    url: {url}\n---\nText.\n";

    [Fact]
    public void TheSeedShorthandPublishesTheSeedDocumentAndLinksItInTheSite()
    {
        using var site = TestSite.Create(Home + Page("seed") + "-- seeds/000_abc.txt --\nThe seed.\n");
        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        Assert.Equal("The seed.\n", site.ReadOutput("seeds/000_abc.txt"));
        Assert.Contains("<a href=\"../../seeds/000_abc.txt\">The document</a>", site.ReadOutput("guide/report/index.html"));
    }

    [Fact]
    public void ARepositoryFileIsCopiedOnceAtItsPathHoweverManyPagesCiteIt()
    {
        using var site = TestSite.Create(Home + Page("docs/report-2014.txt") +
            "-- pages/other.md --\n---\ntitle: Other\nsources: [docs/report-2014.txt]\n---\n[[Report]]\n" +
            "-- docs/report-2014.txt --\nFigures.\n");
        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        Assert.Equal("Figures.\n", site.ReadOutput("docs/report-2014.txt"));
        Assert.Contains("href=\"../docs/report-2014.txt\"", site.ReadOutput("other/index.html"));
        Assert.Contains("href=\"https://unece.org/x\"", Build(Home + Page("https://unece.org/x")).Html);
    }

    [Fact]
    public void AMissingFileIsAnErrorAtItsUrl()
    {
        var (lines, _) = Build(Home + Page("seeds/nope.txt"));
        Assert.Equal(["pages/guide/report.md:5:10: error SB0150: source 'seeds/nope.txt' cannot be published: there is no file 'seeds/nope.txt' in the repository"], lines);
    }

    [Fact]
    public void ASeedShorthandWithoutExactlyOneSeedIsAnErrorAtItsUrl()
    {
        Assert.Equal(["pages/guide/report.md:5:10: error SB0151: source 'seed' names the seed document, but there is no file in seeds/"],
            Build(Home + Page("seed")).Lines);
        Assert.Equal(["pages/guide/report.md:5:10: error SB0151: source 'seed' is ambiguous: seeds/ holds 2 files; name one, e.g. url: seeds/a.txt"],
            Build(Home + Page("seed") + "-- seeds/a.txt --\na\n-- seeds/b.txt --\nb\n").Lines);
    }

    [Theory]
    [InlineData("../outside.txt", "name a file by its path from the repository's root, without '..', a leading '/' or '\\'")]
    [InlineData("/etc/passwd", "name a file by its path from the repository's root, without '..', a leading '/' or '\\'")]
    [InlineData("docs/../../outside.txt", "name a file by its path from the repository's root, without '..', a leading '/' or '\\'")]
    [InlineData(".git/config", "'.git' is hidden; hidden files and folders are never published")]
    [InlineData("docs", "it is a folder, not a file")]
    public void APathThatLeavesTheTreeOrNamesNoPublishableFileIsAnError(string url, string why)
    {
        using var site = TestSite.Create(Home + Page(url) + "-- docs/a.txt --\na\n-- .git/config --\nsecret\n");
        var result = site.Build(output: Path.Combine(site.Root, "out"), strict: false);
        Assert.Equal([$"pages/guide/report.md:5:10: error SB0152: source '{url}' cannot be published: {why}"], TestSite.Lines(result));
        // A failed build publishes nothing.
        Assert.False(Directory.Exists(Path.Combine(site.Root, "out")));
    }

    [Fact]
    public void ASymbolicLinkOutOfTheTreeIsNeverFollowedNeitherToAFileNorThroughAFolder()
    {
        string outside = TestSites.TempDir();
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        using var site = TestSite.Create(Home + Page("docs/secret.txt") +
            "-- pages/b.md --\n---\ntitle: B\nsources:\n  - url: linked/secret.txt\n---\n[[Report]]\n-- docs/keep.txt --\nk\n");
        File.CreateSymbolicLink(Path.Combine(site.Root, "docs", "secret.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "linked"), outside);

        var result = site.Build();
        Assert.Equal([
            "pages/b.md:4:10: error SB0152: source 'linked/secret.txt' cannot be published: it is a symbolic link that leads outside the source folder",
            "pages/guide/report.md:5:10: error SB0152: source 'docs/secret.txt' cannot be published: it is a symbolic link that leads outside the source folder",
        ], TestSite.Lines(result));
    }

    [Fact]
    public void ALinkThatStaysInsideTheTreeIsPublishedAtItsOwnPath()
    {
        using var site = TestSite.Create(Home + Page("docs/current.txt") + "-- docs/2014/report.txt --\nFigures.\n");
        File.CreateSymbolicLink(Path.Combine(site.Root, "docs", "current.txt"), Path.Combine("2014", "report.txt"));

        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        Assert.Equal("Figures.\n", site.ReadOutput("docs/current.txt"));
    }

    [Fact]
    public async Task ANamedPipeIsRefusedWithoutWaitingForAWriter()
    {
        using var site = TestSite.Create(Home + Page("docs/pipe"));
        Directory.CreateDirectory(Path.Combine(site.Root, "docs"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(site.Root, "docs", "pipe"))) mkfifo.WaitForExit();

        var result = await Task.Run(() => site.Build()).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["pages/guide/report.md:5:10: error SB0152: source 'docs/pipe' cannot be published: it is a named pipe, not a regular file"], TestSite.Lines(result));
    }

    [Fact]
    public void AFileLargerThanTheBoundIsRefusedUnread()
    {
        using var site = TestSite.Create(Home + Page("docs/huge.bin"));
        Directory.CreateDirectory(Path.Combine(site.Root, "docs"));
        // Sparse: no disk is used, and nothing may read it.
        using (var huge = new FileStream(Path.Combine(site.Root, "docs", "huge.bin"), FileMode.CreateNew)) huge.SetLength(SourceDocuments.MaxBytes + 1);

        Assert.Equal(["pages/guide/report.md:5:10: error SB0153: source 'docs/huge.bin' cannot be published: it is 64 MiB, more than the 64 MiB a published document may be"],
            TestSite.Lines(site.Build()));
    }

    [Fact]
    public void ADocumentThatWouldReplaceAFileOfTheSiteIsAnError()
    {
        var (lines, _) = Build(Home + Page("index.html") + "-- index.html --\n<p>not the home page</p>\n");
        Assert.Equal(["pages/guide/report.md:5:10: error SB0154: source 'index.html' cannot be published: the site already has a file at that path"], lines);
    }

    private static (string[] Lines, string Html) Build(string spec)
    {
        using var site = TestSite.Create(spec);
        var result = site.Build();
        string page = Path.Combine(site.Output, "guide", "report", "index.html");
        return (TestSite.Lines(result), File.Exists(page) ? File.ReadAllText(page) : "");
    }
}
