using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Linking;

/// <summary>Links to mirrored statswiki pages become internal; each mirrored address gets a redirect; others stay external and are listed.</summary>
public sealed class StatswikiMirrorTests
{
    private const string Site = """
        -- site.yml --
        title: Mirror
        base_url: https://mirror.example.org/sub/
        sections:
          dimis:
            statswiki_space: DIMiS
        -- pages/index.md --
        ---
        title: Home
        ---
        Markdown link: [DIMiS](https://statswiki.unece.org/display/DIMiS/DIMiS+Home).
        Other spelling: [again](http://statswiki.unece.org/display/dimis/DIMiS%20Home#where-it-comes-from).
        Angle autolink: <https://statswiki.unece.org/pages/viewpage.action?pageId=278039009>
        Bare autolink: https://statswiki.unece.org/display/DIMiS
        Not mirrored: [GeoStat](https://statswiki.unece.org/display/GeoStat/2023/10) and [other](https://statswiki.unece.org/display/XYZ/Page).
        Elsewhere: [UNECE](https://unece.org/).
        -- pages/dimis/index.md --
        ---
        title: DIMiS home
        statswiki: https://statswiki.unece.org/display/DIMiS/DIMiS+Home
        aliases: [/old/dimis-home]
        ---
        ## Where it comes from
        -- pages/dimis/pop.md --
        ---
        title: Population
        statswiki:
          - https://statswiki.unece.org/pages/viewpage.action?pageId=278039009
          - https://statswiki.unece.org/display/DIMiS/Population+%26+society
        ---
        Back [home](../index.md).
        """;

    private static readonly Lazy<(BuildContext Context, string Out)> Built = new(() =>
    {
        string dir = TestSites.Write(Site);
        string output = Path.Combine(dir, "_site");
        var steps = TestSites.ContentSteps().Append(new WriteRedirects()).Append(new CommitSite()).ToList();
        var (_, context) = new SiteGenerator(steps).Run(new BuildOptions { SourceDir = dir, OutputDir = output });
        return (context, output);
    });

    [Fact]
    public void Links_to_mirrored_addresses_in_any_form_become_relative_links()
    {
        var context = Built.Value.Context;
        Assert.Empty(context.Diagnostics.ToSortedList());
        string html = context.Pages.Single(p => p.Url == "").ContentHtml;
        Assert.Contains("<a href=\"dimis/\">DIMiS</a>", html);
        Assert.Contains("<a href=\"dimis/#where-it-comes-from\">again</a>", html);
        Assert.Contains("<a href=\"dimis/pop/\">https://statswiki.unece.org/pages/viewpage.action?pageId=278039009</a>", html);
        Assert.Contains("<a href=\"dimis/\">https://statswiki.unece.org/display/DIMiS</a>", html);   // space root from site.yml
        Assert.Contains("href=\"https://statswiki.unece.org/display/GeoStat/2023/10\"", html);
        Assert.Contains("href=\"https://unece.org/\"", html);
    }

    [Fact]
    public void Rewritten_statswiki_links_count_as_backlinks()
    {
        var pages = Built.Value.Context.Pages;
        Assert.Equal([""], pages.Single(p => p.Url == "dimis/").BacklinkUrls);
        Assert.Equal([""], pages.Single(p => p.Url == "dimis/pop/").BacklinkUrls);
    }

    [Fact]
    public void Statswiki_links_without_a_mirror_stay_external_and_are_listed_in_the_summary()
    {
        var summary = Built.Value.Context.Summary.ToList();
        Assert.Contains("Statswiki links with no mirror here, kept external (2):", summary);
        Assert.Contains("  https://statswiki.unece.org/display/GeoStat/2023/10 (pages/index.md:8:15)", summary);
        Assert.Contains("  https://statswiki.unece.org/display/XYZ/Page (pages/index.md:8:82)", summary);
    }

    [Fact]
    public void Each_display_address_and_alias_has_a_redirect_stub_at_its_path()
    {
        string output = Built.Value.Out;
        string stub = File.ReadAllText(Path.Combine(output, "display", "DIMiS", "DIMiS+Home", "index.html"));
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../dimis/\">", stub);
        Assert.Contains("<link rel=\"canonical\" href=\"https://mirror.example.org/sub/dimis/\">", stub);
        Assert.Contains("<a href=\"../../../dimis/\">DIMiS home</a>", stub);
        // %26 is decoded the way a web server maps the request to a file; '+' stays.
        Assert.Contains("url=../../../dimis/pop/", File.ReadAllText(Path.Combine(output, "display", "DIMiS", "Population+&+society", "index.html")));
        Assert.Contains("url=../../dimis/", File.ReadAllText(Path.Combine(output, "display", "DIMiS", "index.html")));
        Assert.Contains("url=../../dimis/", File.ReadAllText(Path.Combine(output, "old", "dimis-home", "index.html")));
    }

    [Fact]
    public void PageId_addresses_share_one_stub_with_an_id_map_and_a_fallback_list()
    {
        string stub = File.ReadAllText(Path.Combine(Built.Value.Out, "pages", "viewpage.action", "index.html"));
        Assert.Contains("var map = {\"278039009\":\"dimis/pop/\"};", stub);
        Assert.Contains("<li>pageId 278039009: <a href=\"../../dimis/pop/\">Population</a></li>", stub);
    }

    [Fact]
    public void The_redirects_file_lists_every_mapping_sorted_under_the_base_path()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Built.Value.Out, "_redirects"));
        Assert.Equal(
        [
            "/sub/display/DIMiS /sub/dimis/ 301",
            "/sub/display/DIMiS/DIMiS+Home /sub/dimis/ 301",
            "/sub/display/DIMiS/Population+%26+society /sub/dimis/pop/ 301",
            "/sub/old/dimis-home /sub/dimis/ 301",
            "/sub/pages/viewpage.action pageId=278039009 /sub/dimis/pop/ 301",
            "/sub/plugins/viewsource/viewpagesrc.action pageId=278039009 /sub/dimis/pop/ 301",
        ], lines);
    }

    [Fact]
    public void A_statswiki_address_claimed_twice_fails_the_build_at_the_second_page()
    {
        string dir = TestSites.Write("""
            -- pages/a.md --
            ---
            title: A
            statswiki: https://statswiki.unece.org/display/COV/Home
            ---
            -- pages/b.md --
            ---
            title: B
            statswiki:
              - http://statswiki.unece.org/display/COV/Home
            ---
            """);
        var context = TestSites.RunContent(dir);
        var error = Assert.Single(context.Diagnostics.ToSortedList());
        Assert.Equal("pages/b.md:4:5: error SB0109", $"{error.Location}: error {error.Code}");
        Assert.Contains("pages/a.md", error.Message);
    }
}
