using SiteBuilder.Content;
using SiteBuilder.Layouts;

namespace SiteBuilder.Tests.Layouts;

/// <summary>A page's sidebar and header stay bounded however many pages its section or the site has.</summary>
public sealed class SidebarLimitTests
{
    private static Page P(string path, string title) => new(path) { FrontMatter = new FrontMatter { Title = title } };

    [Fact]
    public void ALargeLevelShowsAWindowAroundTheOpenPageAndOneMoreLink()
    {
        var pages = new List<Page> { P("index.md", "Home"), P("big/index.md", "Big") };
        for (int i = 0; i < 500; i++) pages.Add(P($"big/p{i:D3}.md", $"Page {i:D3}"));
        var tree = PageTree.Build(pages);
        var factory = new PageModelFactory(new SiteConfig(), tree);

        var current = tree.ByUrl("big/p250/")!;
        var sidebar = factory.Sidebar(current)!;
        Assert.Equal(PageModelFactory.SidebarLevelLimit + 1, sidebar.Children.Count);
        Assert.Contains(sidebar.Children, n => n.IsCurrent && n.Title == "Page 250");
        Assert.Equal("Page 235", sidebar.Children[0].Title);
        var more = sidebar.Children[^1];
        Assert.Equal("470 more pages…", more.Title);
        Assert.Equal("../", more.Href);

        // At the edges the window stays full.
        Assert.Equal("Page 000", factory.Sidebar(tree.ByUrl("big/p000/")!)!.Children[0].Title);
        Assert.Equal("Page 470", factory.Sidebar(tree.ByUrl("big/p499/")!)!.Children[0].Title);
    }

    [Fact]
    public void SmallLevelsAreListedWhole()
    {
        var pages = new List<Page> { P("index.md", "Home"), P("s/index.md", "S") };
        for (int i = 0; i < PageModelFactory.SidebarLevelLimit; i++) pages.Add(P($"s/p{i:D2}.md", $"P{i:D2}"));
        var tree = PageTree.Build(pages);
        var sidebar = new PageModelFactory(new SiteConfig(), tree).Sidebar(tree.ByUrl("s/p05/")!)!;
        Assert.Equal(PageModelFactory.SidebarLevelLimit, sidebar.Children.Count);
        Assert.DoesNotContain(sidebar.Children, n => n.Title.EndsWith("more pages…", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(2_000, 31)]
    public void TheHeaderListsAtMostThirtyTopLevelPagesAndOneLinkHome(int topLevel, int listed)
    {
        // Every page carries the header: listing 2,000 top-level pages in it made each page 90 kB.
        var pages = new List<Page> { P("index.md", "Home") };
        for (int i = 0; i < topLevel; i++) pages.Add(P($"p{i:D4}.md", $"P{i:D4}"));
        var site = new PageModelFactory(new SiteConfig(), PageTree.Build(pages)).Site;
        Assert.Equal(listed, site.Sections.Count);
        Assert.Equal(("P0000", "p0000/"), site.Sections[0]);
        if (topLevel > PageModelFactory.SiteNavLimit)
            Assert.Equal(($"{topLevel - PageModelFactory.SiteNavLimit} more pages…", ""), site.Sections[^1]);
    }
}
