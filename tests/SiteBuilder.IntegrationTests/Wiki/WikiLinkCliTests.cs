using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>The <c>sitebuilder build</c> command on the wikilinks fixture: one compiler-style line per broken link, exit code 2.</summary>
public sealed class WikiLinkCliTests
{
    [Fact]
    public void Broken_links_print_one_line_each_at_path_line_col_and_exit_with_2()
    {
        string source = RepositoryCopy.Fixture("wikilinks");
        var (exit, stderr) = Run("build", "--source", source, "--output", Path.Combine(source, "_site"));

        var expected = File.ReadAllLines(Path.Combine(source, "expected.txt")).Where(l => l.Length > 0).ToList();
        var printed = stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("pages/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, printed);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(Path.Combine(source, "_site")));
    }

    private static (int Exit, string Stderr) Run(params string[] args)
    {
        var (code, _, stderr) = CliProcess.Run(args);
        return (code, stderr);
    }
}
