using SiteBuilder.Content;

namespace SiteBuilder.Tests.Content;

public sealed class PermalinksTests
{
    [Theory]
    [InlineData("index.md", "")]
    [InlineData("dimis/index.md", "dimis/")]
    [InlineData("dimis/about.md", "dimis/about/")]
    [InlineData("migration/task-forces/labour-mobility.md", "migration/task-forces/labour-mobility/")]
    [InlineData("Covid-19/Home.md", "covid-19/home/")]
    public void PrettyUrls(string path, string url) => Assert.Equal(url, Permalinks.FromRelativePath(path));

    [Theory]
    [InlineData("", "dimis/", "dimis/")]
    [InlineData("dimis/", "dimis/", "./")]
    [InlineData("dimis/about/", "dimis/", "../")]
    [InlineData("dimis/about/", "", "../../")]
    [InlineData("dimis/about/", "migration/task-forces/", "../../migration/task-forces/")]
    [InlineData("migration/a/b/", "migration/c/", "../../c/")]
    [InlineData("dimis/", "dimis/map.png", "map.png")]
    [InlineData("dimis/about/", "dimis/map.png", "../map.png")]
    public void RelativeHrefs(string from, string to, string href) => Assert.Equal(href, Permalinks.Relative(from, to));

    [Fact]
    public void RelativeMatchesTheSegmentDefinitionOnGeneratedUrls()
    {
        // The in-place walk must give exactly what splitting both URLs into non-empty segments gives,
        // including odd inputs (leading, doubled and missing slashes, files, the root).
        string[] parts = ["", "a", "b", "dimis", "dimis-2", "x.png", "a.b"];
        var random = new Random(7);
        string Url()
        {
            var sb = new System.Text.StringBuilder();
            int n = random.Next(0, 5);
            for (int i = 0; i < n; i++) sb.Append(parts[random.Next(parts.Length)]).Append(random.Next(6) == 0 ? "//" : "/");
            if (random.Next(3) == 0) sb.Append(parts[random.Next(parts.Length)]);
            return random.Next(8) == 0 ? "/" + sb : sb.ToString();
        }
        for (int i = 0; i < 20000; i++)
        {
            string from = Url(), to = Url();
            Assert.True(BySplitting(from, to) == Permalinks.Relative(from, to), $"Relative(\"{from}\", \"{to}\")");
        }
    }

    private static string BySplitting(string fromUrl, string toUrl)
    {
        string[] from = fromUrl.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int toDirEnd = toUrl.LastIndexOf('/') + 1;
        string[] toDirs = toUrl[..toDirEnd].Split('/', StringSplitOptions.RemoveEmptyEntries);
        int common = 0;
        while (common < from.Length && common < toDirs.Length && from[common] == toDirs[common]) common++;
        string href = string.Concat(Enumerable.Repeat("../", from.Length - common)) +
                      string.Concat(toDirs[common..].Select(d => d + "/")) + toUrl[toDirEnd..];
        return href.Length == 0 ? "./" : href;
    }

    [Fact]
    public void OutputPathOfAUrl() => Assert.Equal("dimis/about/index.html", Permalinks.OutputPath("dimis/about/"));
}
