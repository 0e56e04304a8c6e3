using System.Text;
using SiteBuilder.Build;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Navigation;

/// <summary>
/// A page's sidebar holds only its own section's branch: its HTML does not grow when other sections
/// get more pages, and its node count is the sum of the children of the open nodes.
/// </summary>
public sealed class SidebarCostTests
{
    private static string SiteWith(int extraPagesInOtherSection)
    {
        var sb = new StringBuilder("""
            -- pages/index.md --
            ---
            title: Home
            ---
            -- pages/alpha/index.md --
            ---
            title: Alpha
            ---
            -- pages/alpha/one.md --
            ---
            title: One
            ---
            Text of one.
            -- pages/alpha/two/index.md --
            ---
            title: Two
            ---
            -- pages/alpha/two/deep.md --
            ---
            title: Deep
            ---
            -- pages/beta/index.md --
            ---
            title: Beta
            ---

            """);
        for (int i = 0; i < extraPagesInOtherSection; i++)
            sb.Append($"-- pages/beta/{(i % 3 == 0 ? "" : $"group{i % 3}/")}page{i:D3}.md --\n---\ntitle: Beta page {i}\n---\n");
        for (int g = 1; g <= 2 && extraPagesInOtherSection > 0; g++)
            sb.Append($"-- pages/beta/group{g}/index.md --\n---\ntitle: Group {g}\n---\n");
        return sb.ToString();
    }

    [Fact]
    public void A_pages_html_does_not_grow_with_the_pages_of_other_sections()
    {
        var small = TestSites.RunContent(TestSites.Write(SiteWith(0)));
        var large = TestSites.RunContent(TestSites.Write(SiteWith(90)));
        Assert.True(large.Pages.Count > small.Pages.Count + 90);

        // The built-in theme (the repository's layouts/), compiled once for both renders.
        var renderer = new RazorLightLayoutRenderer(LayoutSet.Load(TestSites.TempDir()));
        foreach (string url in new[] { "alpha/one/", "alpha/two/deep/", "alpha/" })
        {
            string a = Render(renderer, small, url), b = Render(renderer, large, url);
            Assert.Contains("class=\"sidebar\"", a);
            Assert.Equal(a.Length, b.Length);
            Assert.Equal(a, b);
        }
        // A page of the grown section does list its own, larger branch.
        Assert.True(Render(renderer, large, "beta/").Length > Render(renderer, small, "beta/").Length + 2000);
    }

    [Fact]
    public void The_sidebar_lists_the_children_of_open_nodes_only()
    {
        var context = TestSites.RunContent(TestSites.Write(SiteWith(90)));
        var factory = new PageModelFactory(context.Config, context.Tree);
        var deep = context.Tree.ByUrl("beta/group1/page001/")!;
        var sidebar = factory.Sidebar(deep)!;
        // beta (root) + its children + group1's children (a long level is a window plus one "more" link);
        // nothing from group2 or from alpha.
        static int Listed(int n) => n <= PageModelFactory.SidebarLevelLimit ? n : PageModelFactory.SidebarLevelLimit + 1;
        int expected = 1 + Listed(context.Tree.ByUrl("beta/")!.Children.Count) + Listed(context.Tree.ByUrl("beta/group1/")!.Children.Count);
        Assert.Equal(expected, Count(sidebar));
        Assert.All(Flatten(sidebar).Where(n => n.Title == "Group 2"), n => Assert.Empty(n.Children));
    }

    private static string Render(ILayoutRenderer renderer, BuildContext context, string url)
    {
        var page = context.Tree.ByUrl(url)!;
        var model = new PageModelFactory(context.Config, context.Tree).Create(page);
        var bag = new DiagnosticBag();
        string? html = renderer.RenderAsync(page.Layout, model, new SourceLocation(page.SourcePath), bag).GetAwaiter().GetResult();
        Assert.Empty(bag.ToSortedList());
        return html!;
    }

    private static int Count(NavNode node) => 1 + node.Children.Sum(Count);

    private static IEnumerable<NavNode> Flatten(NavNode node) => node.Children.SelectMany(Flatten).Prepend(node);
}
