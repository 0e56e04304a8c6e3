using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Collecting;
using SiteBuilder.Output;

namespace SiteBuilder.LinkCheck.Tests.Collecting;

public sealed class SourceMapTests
{
    private static readonly SourceMap Map = new(1, "_site", new Dictionary<string, SourceMapPage>
    {
        ["z/index.html"] = new("pages/z.md", []),
        ["dimis/index.html"] = new("pages/dimis/index.md",
        [
            new SourceMapLink("../dimis/about/#fields", 12, 5),
            new SourceMapLink("https://unece.org/?a=1&amp;b=2", 14, 1),
            new SourceMapLink("../dimis/about/#fields", 20, 3),
        ]),
    });

    [Fact]
    public void Serializer_RoundTrips_AndWritesPagesSortedWithTheDocumentedShape()
    {
        string json = SourceMapSerializer.ToJson(Map);
        Assert.StartsWith("{\n  \"version\": 1,\n  \"output\": \"_site\",\n  \"pages\": {\n    \"dimis/index.html\": {\n      \"source\": \"pages/dimis/index.md\",\n      \"links\": [\n        {\n          \"href\": \"../dimis/about/#fields\",\n          \"line\": 12,\n          \"column\": 5\n        },", json);
        Assert.True(json.IndexOf("dimis/index.html", StringComparison.Ordinal) < json.IndexOf("z/index.html", StringComparison.Ordinal));
        var back = SourceMapSerializer.FromJson(json);
        Assert.Equal(Map.Pages.Keys.Order(), back.Pages.Keys.Order());
        Assert.Equal(Map.Pages["dimis/index.html"].Links, back.Pages["dimis/index.html"].Links);
        Assert.Equal(json, SourceMapSerializer.ToJson(back));
    }

    [Fact]
    public void Serializer_RejectsAnUnknownVersion() =>
        Assert.Throws<FormatException>(() => SourceMapSerializer.FromJson("{\"version\":2,\"pages\":{}}"));

    [Fact]
    public void Locator_MatchesHrefsInOrder_DecodesEntities_AndLeavesChromeAtTheHtmlPosition()
    {
        var locator = new SourceLocator(Map.Find("dimis/index.html"), "_site/dimis/index.html");
        SourceLocation At(string href, int line, int col) => locator.Locate(new HtmlLink(href, "a", "href", line, col));
        Assert.Equal(new SourceLocation("_site/dimis/index.html", 3, 7), At("../dimis/about/", 3, 7));
        Assert.Equal(new SourceLocation("pages/dimis/index.md", 12, 5), At("../dimis/about/#fields", 30, 1));
        Assert.Equal(new SourceLocation("pages/dimis/index.md", 14, 1), At("https://unece.org/?a=1&b=2", 31, 1));
        Assert.Equal(new SourceLocation("pages/dimis/index.md", 20, 3), At("../dimis/about/#fields", 32, 1));
        // A fourth occurrence has no entry left: it is layout output, at its HTML position.
        Assert.Equal(new SourceLocation("_site/dimis/index.html", 40, 2), At("../dimis/about/#fields", 40, 2));
    }
}
