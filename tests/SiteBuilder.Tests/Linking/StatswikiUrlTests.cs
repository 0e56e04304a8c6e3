using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;

namespace SiteBuilder.Tests.Linking;

/// <summary>Each Confluence address form, and the spellings of one address that must find the same page.</summary>
public sealed class StatswikiUrlTests
{
    [Theory]
    [InlineData("https://statswiki.unece.org/display/DIMiS/DIMiS+Home", "display:dimis/dimis home", "/display/DIMiS/DIMiS+Home")]
    [InlineData("http://statswiki.unece.org/display/DIMiS/DIMiS+Home", "display:dimis/dimis home", "/display/DIMiS/DIMiS+Home")]
    [InlineData("https://statswiki.unece.org/display/DIMiS/DIMiS%20Home", "display:dimis/dimis home", "/display/DIMiS/DIMiS%20Home")]
    [InlineData("https://STATSWIKI.unece.org/display/dimis/dimis+home", "display:dimis/dimis home", "/display/dimis/dimis+home")]
    [InlineData("https://statswiki.unece.org/display/DIMiS/DIMiS+Home#About", "display:dimis/dimis home", "/display/DIMiS/DIMiS+Home")]
    [InlineData("https://statswiki.unece.org/display/CCD2/Compilation+of+National+Accounts+in+times+of+COVID-19?preview=/278038679/278038953/NA%20-%20Business%20Continuity.pdf",
        "display:ccd2/compilation of national accounts in times of covid-19", "/display/CCD2/Compilation+of+National+Accounts+in+times+of+COVID-19")]
    [InlineData("https://statswiki.unece.org/display/DISA2013/5.+Strategic+and+managerial+issues+of+official+statistics",
        "display:disa2013/5. strategic and managerial issues of official statistics", "/display/DISA2013/5.+Strategic+and+managerial+issues+of+official+statistics")]
    [InlineData("https://statswiki.unece.org/display/X/C%2B%2B+notes", "display:x/c++ notes", "/display/X/C%2B%2B+notes")]
    [InlineData("https://statswiki.unece.org/display/mhsm", "space:mhsm", "/display/mhsm")]
    [InlineData("https://statswiki.unece.org/display/mhsm/", "space:mhsm", "/display/mhsm")]
    public void Display_addresses_reduce_to_space_and_title(string url, string key, string path)
    {
        var parsed = StatswikiUrl.TryParse(url);
        Assert.NotNull(parsed);
        Assert.Equal(key, parsed.Key);
        Assert.Equal(path, parsed.Path);
        Assert.True(parsed.IsDisplay);
    }

    [Theory]
    [InlineData("https://statswiki.unece.org/pages/viewpage.action?pageId=278039009", 278039009L)]
    [InlineData("http://statswiki.unece.org/pages/viewpage.action?pageId=278039009&focusedCommentId=1", 278039009L)]
    [InlineData("https://statswiki.unece.org/plugins/viewsource/viewpagesrc.action?pageId=278038914", 278038914L)]
    [InlineData("https://statswiki.unece.org/pages/viewpage.action?pageid=5", 5L)]
    public void PageId_addresses_reduce_to_the_id(string url, long id)
    {
        var parsed = StatswikiUrl.TryParse(url);
        Assert.NotNull(parsed);
        Assert.Equal(id, parsed.PageId);
        Assert.Equal("page:" + id, parsed.Key);
        Assert.False(parsed.IsDisplay);
    }

    [Theory]
    [InlineData("https://statswiki.unece.org/display/GeoStat/2023/10")]                      // blog archive
    [InlineData("https://statswiki.unece.org/download/attachments/278038837/banner_blurred.png")] // attachment
    [InlineData("https://statswiki.unece.org/pages/viewpage.action?pageId=abc")]
    [InlineData("https://statswiki.unece.org/pages/viewpage.action")]
    [InlineData("https://unstats.un.org/wiki/display/MPDMS/Introduction")]                  // another Confluence
    [InlineData("http://www1.unece.org/stat/platform/pages/viewpage.action?pageId=35324156")]
    [InlineData("ftp://statswiki.unece.org/display/A/B")]
    public void Non_page_addresses_are_not_mirrored(string url) => Assert.Null(StatswikiUrl.TryParse(url));

    [Fact]
    public void The_map_finds_a_page_by_any_spelling_and_implies_space_roots_from_site_yml()
    {
        var home = PageWith("dimis/index.md", "https://statswiki.unece.org/display/DIMiS/DIMiS+Home");
        var c6 = PageWith("cov/pop.md", "https://statswiki.unece.org/pages/viewpage.action?pageId=278039009");
        var config = new SiteConfig
        {
            Sections = new Dictionary<string, SectionConfig> { ["dimis"] = new("dimis", "DIMiS", "DIMiS", null, null) },
        };
        var bag = new DiagnosticBag();
        var map = StatswikiUrlMap.Build([home, c6], config, bag);

        Assert.Empty(bag.ToSortedList());
        Assert.Same(home, map.Find("http://statswiki.unece.org/display/dimis/DIMiS%20Home")?.Page);
        Assert.Same(home, map.Find("https://statswiki.unece.org/display/DIMiS")?.Page);        // implied space root
        Assert.False(map.Find("https://statswiki.unece.org/display/DIMiS")!.Declared);
        Assert.Same(c6, map.Find("https://statswiki.unece.org/plugins/viewsource/viewpagesrc.action?pageId=278039009")?.Page);
        Assert.Null(map.Find("https://statswiki.unece.org/display/DIMiS/About"));
        Assert.Equal(["display:dimis/dimis home", "page:278039009", "space:dimis"], map.Mappings.Select(m => m.Parsed.Key));
    }

    [Fact]
    public void A_second_claim_on_an_address_is_SB0109_at_the_second_occurrence()
    {
        var a = PageWith("a.md", "https://statswiki.unece.org/display/COV/Home");
        var b = PageWith("b.md", "http://statswiki.unece.org/display/cov/home", line: 7);
        var c = PageWith("c.md", "https://example.org/display/COV/Home", line: 3);
        var bag = new DiagnosticBag();
        var map = StatswikiUrlMap.Build([b, a, c], new SiteConfig(), bag);

        var errors = bag.ToSortedList();
        Assert.Equal(["pages/b.md:7:12: error SB0109", "pages/c.md:3:12: error SB0109"],
            errors.Select(d => $"{d.Location}: error {d.Code}"));
        Assert.Contains("pages/a.md", errors[0].Message, StringComparison.Ordinal);
        Assert.Same(a, map.Find("https://statswiki.unece.org/display/COV/Home")?.Page);
    }

    private static Page PageWith(string relativePath, string statswiki, int line = 5) => new(relativePath)
    {
        FrontMatter = new FrontMatter { Title = relativePath, Statswiki = [(statswiki, new SourceLocation("pages/" + relativePath, line, 12))] },
    };
}
