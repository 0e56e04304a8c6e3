using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Linking;

/// <summary>
/// The <c>tests/fixtures/wikilinks</c> site: broken <c>.md</c> links, broken fragments (also inbound
/// from two pages), unknown and ambiguous wiki targets, next to good links of every form.
/// </summary>
public sealed class WikiLinkFixtureTests
{
    private static readonly Lazy<SiteBuilder.Build.BuildContext> Built = new(() => TestSites.RunContent(TestSites.Fixture("wikilinks")));

    [Fact]
    public void Every_broken_link_is_one_error_at_its_opening_bracket_and_nothing_else_is_reported()
    {
        var expected = File.ReadAllLines(Path.Combine(TestSites.Fixture("wikilinks"), "expected.txt")).Where(l => l.Length > 0).ToList();
        var actual = Built.Value.Diagnostics.ToSortedList().Select(d => d.ToString()).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_broken_inbound_fragment_is_reported_at_every_linking_page_naming_target_and_fragment()
    {
        var inbound = Built.Value.Diagnostics.ToSortedList()
            .Where(d => d.Code == "SB1002" && d.Message.Contains("#introduction", StringComparison.Ordinal)).ToList();
        Assert.Equal(["pages/guide/broken.md:9:10", "pages/guide/faq.md:4:41"], inbound.Select(d => d.Location.ToString()));
        Assert.All(inbound, d => Assert.Contains("pages/guide/index.md", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Good_links_of_every_form_are_rewritten_to_relative_hrefs()
    {
        string html = Built.Value.Pages.Single(p => p.RelativePath == "guide/broken.md").ContentHtml;
        Assert.Contains("<a href=\"../\">Guide</a>", html);                        // [[Guide]] by title
        Assert.Contains("<a href=\"../setup/\">Setup</a>", html);                  // [[guide/setup]] by path
        Assert.Contains("<a href=\"../faq/\">the FAQ</a>", html);                  // [[FAQ|the FAQ]], also inside a table cell
        Assert.Contains("<a href=\"../#getting-started\">Guide § Getting started</a>", html); // heading text and heading id
        Assert.Contains("<a href=\"#local-heading\">Local heading</a>", html);     // [[#Local heading]]
        Assert.Contains("<a href=\"../../other/\">Other</a>", html);               // [[other]] is other/index.md
        Assert.Contains("<a href=\"../../other/setup/\">Setup</a>", html);         // [[/other/setup]]
        Assert.Contains("<a href=\"../../#welcome\">home</a>", html);              // .md link with fragment
        string setup = Built.Value.Pages.Single(p => p.RelativePath == "guide/setup.md").ContentHtml;
        Assert.Contains("<a href=\"../#getting-started\">Guide § Getting started</a>", setup); // an old anchor leads to its heading
    }
}
