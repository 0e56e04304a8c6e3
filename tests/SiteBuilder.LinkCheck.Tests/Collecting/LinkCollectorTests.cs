using SiteBuilder.LinkCheck.Collecting;

namespace SiteBuilder.LinkCheck.Tests.Collecting;

public sealed class LinkCollectorTests
{
    [Fact]
    public void CollectsEveryLinkElement_WithOneBasedStartTagPositions()
    {
        const string html = "<!DOCTYPE html>\n<html><head>\n  <link rel=\"stylesheet\" href=\"a.css\"><script src=\"b.js\"></script>\n</head><body>\n" +
                            "<a href=\"c/\">c</a> <img src=\"d.png\" srcset=\"d.png 1x, d@2x.png 2x\">\n" +
                            "<picture><source srcset=\"e.webp\" type=\"image/webp\"><source src=\"f.mp4\"></picture><iframe src=\"g.html\"></iframe><area href=\"h.html\">\n</body></html>";
        var doc = LinkCollector.Collect("x/index.html", html);
        var links = doc.Links.Select(l => $"{l.Element}[{l.Attribute}]={l.Href}@{l.Line}:{l.Column}").ToList();
        Assert.Equal(
        [
            "link[href]=a.css@3:3",
            "script[src]=b.js@3:39",
            "a[href]=c/@5:1",
            "img[src]=d.png@5:20",
            "img[srcset]=d.png@5:20",
            "img[srcset]=d@2x.png@5:20",
            "source[srcset]=e.webp@6:10",
            "source[src]=f.mp4@6:52",
            "iframe[src]=g.html@6:82",
            "area[href]=h.html@6:112",
        ], links);
    }

    [Fact]
    public void CollectsIdsAndAnchorNames()
    {
        var doc = LinkCollector.Collect("p.html", "<h2 id=\"fields\">F</h2><a name=\"legacy\"></a><div id=\"x y\"></div>");
        Assert.Equal(["fields", "legacy", "x y"], doc.Anchors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a.png 1x, b.png 2x", new[] { "a.png", "b.png" })]
    [InlineData("a.png 480w,b.png 800w", new[] { "a.png", "b.png" })]
    [InlineData("  single.png  ", new[] { "single.png" })]
    [InlineData("a,b.png 1x, c.png", new[] { "a,b.png", "c.png" })]
    [InlineData("", new string[0])]
    public void SrcsetParser_SplitsCandidates(string srcset, string[] expected) =>
        Assert.Equal(expected, SrcsetParser.Parse(srcset));

    [Theory]
    [InlineData("../a/", LinkKind.Internal, null)]
    [InlineData("/root/x.html#f", LinkKind.Internal, null)]
    [InlineData("#anchor", LinkKind.Internal, null)]
    [InlineData("https://unece.org/x", LinkKind.External, "https://unece.org/x")]
    [InlineData("//unece.org/x", LinkKind.External, "https://unece.org/x")]
    [InlineData("mailto:a@b.org", null, null)]
    [InlineData("javascript:void(0)", null, null)]
    [InlineData("data:image/png;base64,AAAA", null, null)]
    [InlineData("#", null, null)]
    [InlineData("", null, null)]
    public void Classifier_SortsInternalExternalAndUnchecked(string href, LinkKind? kind, string? absolute)
    {
        Assert.Equal(kind, LinkClassifier.Classify(href, out var url));
        Assert.Equal(absolute, url);
    }
}
