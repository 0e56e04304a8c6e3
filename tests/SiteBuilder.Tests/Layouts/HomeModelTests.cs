using SiteBuilder.Build;
using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>What the home page's section cards and the header's section tabs read from the model.</summary>
public sealed class HomeModelTests
{
    private const string Site = """
        -- site.yml --
        title: Wiki
        sections:
          guide:
            title: Guide
        -- pages/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- pages/guide/index.md --
        ---
        title: The long title of the guide
        description: How to use it.
        weight: 1
        ---
        -- pages/guide/a.md --
        ---
        title: A
        ---
        -- pages/guide/b/index.md --
        ---
        title: B
        ---
        -- pages/guide/b/c.md --
        ---
        title: C
        ---
        -- pages/notes/index.md --
        ---
        title: Notes
        weight: 2
        ---
        """;

    private static readonly Lazy<BuildContext> Built = new(() => TestSites.RunContent(TestSites.Write(Site)));

    private static PageModel ModelOf(string url)
    {
        var context = Built.Value;
        return new PageModelFactory(context.Config, context.Tree).Create(context.Pages.Single(p => p.Url == url));
    }

    [Fact]
    public void Child_links_count_the_pages_below_each_child()
    {
        var home = ModelOf("");
        Assert.Equal([("The long title of the guide", 3, "How to use it."), ("Notes", 0, null)],
            home.Children.Select(c => (c.Title, c.PageCount, c.Description)));
        Assert.Equal([("A", 0), ("B", 1)], ModelOf("guide/").Children.Select(c => (c.Title, c.PageCount)));
    }

    [Fact]
    public void A_section_is_named_in_navigation_by_its_site_yml_title_else_by_its_page_title()
    {
        Assert.Equal([("Guide", "guide/"), ("Notes", "notes/")], ModelOf("guide/b/c/").Site.Sections);
        // The page keeps its own title everywhere else.
        Assert.Equal("The long title of the guide", ModelOf("guide/").Title);
        Assert.Equal("The long title of the guide", ModelOf("guide/a/").Breadcrumbs[^1].Title);
    }
}
