using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Linking;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Linking;

/// <summary>The repository's real site: it builds with no broken link or fragment, and it is a faithful statswiki mirror.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteLinkTests(RealSiteBuild site)
{
    [Fact]
    public void The_real_site_builds_with_no_errors_and_no_broken_links_or_fragments()
    {
        Assert.Empty(site.Result.Diagnostics.Where(d => d.IsError || d.Code.StartsWith("SB10", StringComparison.Ordinal)).Select(d => d.ToString()));
        Assert.True(site.Result.Succeeded);
        Assert.True(site.Result.PageCount >= 64);
    }

    [Fact]
    public void Every_declared_statswiki_address_has_a_redirect_to_its_page()
    {
        var declared = site.Context.Pages.SelectMany(p => p.FrontMatter.Statswiki.Select(s => (s.Url, Page: p))).ToList();
        Assert.True(declared.Count >= 9, $"only {declared.Count} declared statswiki addresses");
        string pageIdStub = File.ReadAllText(Path.Combine(site.Output, "pages", "viewpage.action", "index.html"));
        foreach (var (url, page) in declared)
        {
            var parsed = StatswikiUrl.TryParse(url)!;
            if (parsed.PageId is long id)
            {
                Assert.Contains($"\"{id}\":\"{page.Url}\"", pageIdStub);
                continue;
            }
            string stubUrl = WriteRedirects.StubUrl(parsed.Path)!;
            var stub = site.Html(stubUrl + "index.html");
            string refresh = stub.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content")!;
            Assert.Equal(page.Url, RealSiteBuild.Target(stubUrl, refresh["0; url=".Length..]));
            Assert.Equal(site.Context.Config.BaseUrl + page.Url, stub.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(page.Url, RealSiteBuild.Target(stubUrl, stub.QuerySelector("body a")!.GetAttribute("href")!));
        }
        Assert.Contains("/display/DIMiS/DIMiS+Home /dimis/ 301", File.ReadAllLines(Path.Combine(site.Output, "_redirects")));
    }

    [Fact]
    public void No_output_page_links_to_a_mirrored_statswiki_address_in_any_spelling()
    {
        var map = site.Context.StatswikiMap;
        var external = new List<string>();
        int checkedLinks = 0;
        foreach (string file in site.HtmlFiles())
        {
            foreach (var element in site.Html(file).QuerySelectorAll("a[href], link[href]"))
            {
                string href = element.GetAttribute("href")!;
                checkedLinks++;
                if (map.Find(href) is { } mapping) external.Add($"{file}: {href} (mirrored by {mapping.Page.SourcePath})");
            }
        }
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} links checked");
        Assert.Empty(external);
    }

    [Fact]
    public void Sources_citing_a_mirrored_statswiki_page_link_to_the_mirror()
    {
        // pages/migration/statistical-response-to-covid-19/index.md cites pageId 278039009, mirrored by the COV page.
        var links = site.Html("migration/statistical-response-to-covid-19/index.html").QuerySelectorAll("section.sources a")
            .Select(a => RealSiteBuild.Target("migration/statistical-response-to-covid-19/", a.GetAttribute("href")!)).ToList();
        Assert.Contains("covid-19/population-and-social-statistics/", links);
    }

    [Fact]
    public void Every_internal_href_in_the_output_leads_to_a_written_file()
    {
        var missing = new List<string>();
        foreach (string file in site.HtmlFiles().Where(f => !f.StartsWith("display/", StringComparison.Ordinal) && f != "404.html"))
        {
            string pageUrl = file[..(file.Length - "index.html".Length)];
            foreach (var a in site.Html(file).QuerySelectorAll("a[href]"))
            {
                if (RealSiteBuild.Target(pageUrl, a.GetAttribute("href")!) is not { } target) continue;
                string path = target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target;
                // The search page and its assets belong to the search feature, built on another branch.
                if (path.StartsWith("search/", StringComparison.Ordinal) || path.Contains("search.", StringComparison.Ordinal)) continue;
                if (!File.Exists(Path.Combine(site.Output, path))) missing.Add($"{file}: {a.GetAttribute("href")}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Generated_DIMiS_index_pages_exist_in_the_tree_and_the_sidebar()
    {
        foreach (string url in new[] { "dimis/by-country/", "dimis/by-data-source/", "dimis/by-topic/" })
        {
            var page = site.Context.Tree.ByUrl(url);
            Assert.NotNull(page);
            Assert.Equal(PageKind.Generated, page.Kind);
            Assert.True(page.Headings.Count >= 3, $"{url} has {page.Headings.Count} groups");
            var sidebar = site.Html("dimis/about/index.html").QuerySelectorAll("nav.sidebar a")
                .Select(a => RealSiteBuild.Target("dimis/about/", a.GetAttribute("href")!));
            Assert.Contains(url, sidebar);
        }
    }

    [Fact]
    public void The_DIMiS_home_has_a_server_rendered_table_of_every_entry()
    {
        var doc = site.Html("dimis/index.html");
        var table = doc.QuerySelector("table[data-entry-table]");
        Assert.NotNull(table);
        Assert.StartsWith("All 13 entries", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Entry", "Countries", "Organisations", "Data source type", "Topics", "Status", "Year"],
            table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var entries = site.Context.Pages.Where(p => p.Section == "dimis" && p.Kind == PageKind.Entry).Select(p => p.Url).Order().ToList();
        Assert.Equal(13, entries.Count);
        Assert.Equal(entries, table.QuerySelectorAll("tbody th[scope=row] a").Select(a => RealSiteBuild.Target("dimis/", a.GetAttribute("href")!)!).Order().ToList());
        Assert.NotNull(doc.QuerySelector("script[src$='assets/js/dimis-table.js']"));
        Assert.True(File.Exists(Path.Combine(site.Output, "assets", "js", "dimis-table.js")));
    }
}
