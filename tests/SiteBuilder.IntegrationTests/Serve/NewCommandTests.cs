using SiteBuilder.Output;
using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// <c>sitebuilder new</c> on a copy of the real site: the new pages build as they are (a DIMiS entry
/// with every schema field), and a second <c>new</c> never overwrites.
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly string _site = CopyRealSite();

    [Fact]
    public void NewPagesBuildAsTheyAre()
    {
        Assert.Equal(0, New("dimis/test-border-entry", "A \"quoted\" test: entry", out _, out _));
        Assert.Equal(0, New("migration/test-page", "A test page", out string said, out _));
        Assert.Contains("Created pages/migration/test-page.md", said);

        string entry = File.ReadAllText(Path.Combine(_site, "pages/dimis/test-border-entry.md"));
        // Every field of the DIMiS schema is there, and the entry does not claim to be verified.
        foreach (string field in new[] { "countries", "organisations", "organisation_type", "official_statistics", "data_source_type",
                     "topics", "status", "reference_period", "year", "document_symbol", "dimis_membership", "last_reviewed" })
            Assert.Contains("\n" + field + ": ", entry);
        Assert.Contains("dimis_membership: unverified", entry);
        Assert.Contains("year: 2026", entry);
        Assert.Contains("TODO", entry);

        var (result, context) = new SiteGenerator().Run(new BuildOptions { SourceDir = _site, DryRun = true });
        var files = ((MemoryOutput)context.Output).Files;
        Assert.Equal(0, result.ErrorCount);
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.Path.Contains("test-", StringComparison.Ordinal));
        string html = System.Text.Encoding.UTF8.GetString(files["dimis/test-border-entry/index.html"]);
        Assert.Contains("A &quot;quoted&quot; test: entry", html);
        Assert.Contains("TODO: this entry was created by", html);
        Assert.Contains("unverified", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(files.ContainsKey("migration/test-page/index.html"));
    }

    [Fact]
    public void ASecondNewNeverOverwrites()
    {
        Assert.Equal(0, New("covid-19/test-page", "First", out _, out _));
        string path = Path.Combine(_site, "pages/covid-19/test-page.md");
        File.AppendAllText(path, "Work in progress that must survive.\n");
        byte[] before = File.ReadAllBytes(path);

        Assert.Equal(3, New("covid-19/test-page", "Second", out _, out string error));
        Assert.Contains("pages/covid-19/test-page.md already exists", error);
        Assert.Equal(before, File.ReadAllBytes(path));
        // The same page named another way is the same file.
        Assert.Equal(3, New("pages/covid-19/test-page.md", "Third", out _, out _));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("dimis")]
    [InlineData("dimis/Bad_Slug")]
    [InlineData("dimis/bad slug")]
    [InlineData("dimis/-dash")]
    [InlineData("dimis/../escape")]
    [InlineData("../etc/escape")]
    [InlineData("/dimis/x")]
    [InlineData("dimis/index")]
    [InlineData("no-such-section/page")]
    public void ABadNameIsRefusedAndCreatesNothing(string target)
    {
        var before = Directory.EnumerateFileSystemEntries(_site, "*", SearchOption.AllDirectories).Order().ToList();
        Assert.Equal(3, New(target, "Title", out _, out string error));
        Assert.StartsWith("sitebuilder new: ", error);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(_site, "*", SearchOption.AllDirectories).Order().ToList());
    }

    private int New(string target, string title, out string output, out string error)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = NewCommand.Run(_site, target, title, o, e, Now);
        output = o.ToString();
        error = e.ToString();
        return code;
    }

    private static string CopyRealSite()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "SiteBuilder.sln"))) repo = repo.Parent!;
        string target = Directory.CreateTempSubdirectory("sitebuilder-new-").FullName;
        File.Copy(Path.Combine(repo.FullName, "site.yml"), Path.Combine(target, "site.yml"));
        foreach (string dir in new[] { "pages", "layouts", "seeds" })
        {
            string from = Path.Combine(repo.FullName, dir);
            foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(target, dir, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(_site, recursive: true); } catch (IOException) { }
    }
}
