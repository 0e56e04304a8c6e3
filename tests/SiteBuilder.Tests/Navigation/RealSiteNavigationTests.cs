using SiteBuilder.Content;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Navigation;

/// <summary>Breadcrumbs and backlinks of the real site's output, checked against the page tree and the links the pages really contain.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteNavigationTests(RealSiteBuild site)
{
    [Fact]
    public void Breadcrumbs_link_each_ancestor_in_order_and_end_with_the_page()
    {
        int checkedPages = 0;
        foreach (var page in site.Context.Pages.Where(p => p.Kind != PageKind.Home))
        {
            var nav = site.Html(page.OutputPath).QuerySelector("nav[aria-label=Breadcrumb]");
            Assert.NotNull(nav);
            var linked = nav.QuerySelectorAll("a").Select(a => RealSiteBuild.Target(page.Url, a.GetAttribute("href")!)!).ToList();
            Assert.Equal(page.Ancestors.Select(a => a.Url).ToList(), linked);
            Assert.Equal(page.Title, nav.QuerySelector("[aria-current=page]")!.TextContent);
            checkedPages++;
        }
        Assert.True(checkedPages > 60);
    }

    [Fact]
    public void Backlinks_on_every_page_equal_the_content_links_of_the_other_pages()
    {
        // The real link graph, read from the output: links in each authored page's content area.
        var expected = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var page in site.Context.Pages.Where(p => p.Kind != PageKind.Generated))
        {
            foreach (var a in site.Html(page.OutputPath).QuerySelectorAll("article div.content a[href]"))
            {
                if (a.Closest("ul.child-list") is not null) continue; // {{children}} is navigation, not a link the author wrote
                if (RealSiteBuild.Target(page.Url, a.GetAttribute("href")!) is not { } target || target == page.Url) continue;
                if (site.Context.Tree.ByUrl(target) is null) continue;
                if (!expected.TryGetValue(target, out var from)) expected[target] = from = new SortedSet<string>(StringComparer.Ordinal);
                from.Add(page.Url);
            }
        }
        Assert.True(expected.Count > 30, $"only {expected.Count} pages have incoming links");
        foreach (var page in site.Context.Pages)
        {
            var shown = site.Html(page.OutputPath).QuerySelectorAll("section.backlinks a")
                .Select(a => RealSiteBuild.Target(page.Url, a.GetAttribute("href")!)!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.GetValueOrDefault(page.Url)?.ToList() ?? [], shown);
        }
    }
}
