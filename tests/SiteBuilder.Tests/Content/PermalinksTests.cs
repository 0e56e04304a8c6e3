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
    public void OutputPathOfAUrl() => Assert.Equal("dimis/about/index.html", Permalinks.OutputPath("dimis/about/"));
}
