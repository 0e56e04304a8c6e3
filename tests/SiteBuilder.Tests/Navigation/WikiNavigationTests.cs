using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Navigation;

/// <summary>Backlinks, the {{children}} block, orphans, old anchors, generated index and label pages, on one small inline site.</summary>
public sealed class WikiNavigationTests
{
    private const string Site = """
        -- site.yml --
        title: Projects
        sections:
          projects:
            table: [region, year]
            index_by:
              - region
              - field: kind
                slug: by-kind
                title: Projects by kind
            schema:
              exempt: [notes]
              fields:
                region: { type: list, values: [north, south] }
                kind: { type: string }
                year: { type: int }
        -- pages/index.md --
        ---
        title: Home
        labels: [start]
        ---
        See [[Alpha]] and [beta](projects/beta.md) and [[projects/notes#Renamed heading]].
        -- pages/projects/index.md --
        ---
        title: Projects
        ---
        {{children}}
        -- pages/projects/alpha.md --
        ---
        title: Alpha
        labels: [start, Field Work]
        region: [north, south]
        kind: survey
        year: 2020
        ---
        Compare [[Beta]]; back to [[Projects]].
        -- pages/projects/beta.md --
        ---
        title: Beta
        region: south
        kind: register
        year: 2019
        ---
        No links here.
        -- pages/projects/notes.md --
        ---
        title: Notes
        anchors:
          old-name: renamed-heading
        ---
        ## Renamed heading
        -- pages/lonely/index.md --
        ---
        title: Lonely section
        ---
        -- pages/lonely/orphan.md --
        ---
        title: Orphan
        ---
        Nobody links here.
        """;

    private static readonly Lazy<BuildContext> Built = new(() => TestSites.RunContent(TestSites.Write(Site)));

    private static Page PageAt(string url) => Built.Value.Pages.Single(p => p.Url == url);

    [Fact]
    public void The_build_is_clean() => Assert.Empty(Built.Value.Diagnostics.ToSortedList());

    [Fact]
    public void Backlinks_are_exactly_the_content_links_including_wiki_links()
    {
        Assert.Equal([""], PageAt("projects/alpha/").BacklinkUrls);
        Assert.Equal(["", "projects/alpha/"], PageAt("projects/beta/").BacklinkUrls);
        Assert.Equal(["projects/alpha/"], PageAt("projects/").BacklinkUrls);
        Assert.Equal([""], PageAt("projects/notes/").BacklinkUrls);
        Assert.Empty(PageAt("lonely/orphan/").BacklinkUrls);
    }

    [Fact]
    public void The_children_block_lists_the_children_in_place_and_replaces_the_automatic_list()
    {
        string html = PageAt("projects/").ContentHtml;
        Assert.Contains("<ul class=\"child-list\">", html);
        Assert.Contains("<li><a href=\"alpha/\">Alpha</a></li>", html);
        Assert.Contains("<li><a href=\"by-region/\">Entries by region</a><span class=\"summary\"> — The 2 entries of this section, grouped by region.</span></li>", html);
        var factory = new PageModelFactory(Built.Value.Config, Built.Value.Tree);
        Assert.Empty(factory.Create(PageAt("projects/")).Children);
        Assert.NotEmpty(factory.Create(PageAt("lonely/")).Children);
    }

    [Fact]
    public void Orphans_are_pages_nothing_links_to_or_lists()
    {
        Assert.Equal(["pages/lonely/orphan.md"], ReportOrphans.Orphans(Built.Value).Select(p => p.SourcePath));
        Assert.Contains("  pages/lonely/orphan.md", Built.Value.Summary);
    }

    [Fact]
    public void An_old_anchor_is_an_empty_element_just_before_the_renamed_heading()
    {
        Assert.Contains("<span id=\"old-name\"></span>\n<h2 id=\"renamed-heading\">Renamed heading</h2>", PageAt("projects/notes/").ContentHtml);
    }

    [Fact]
    public void A_wrong_anchors_entry_is_an_error_at_the_anchors_key()
    {
        var context = TestSites.RunContent(TestSites.Write("""
            -- pages/index.md --
            ---
            title: Home
            anchors:
              intro: introduction
              kept: kept
            ---
            ## Kept
            """));
        var errors = context.Diagnostics.ToSortedList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("pages/index.md:3:1: error SB1002", $"{e.Location}: error {e.Code}"));
        Assert.Contains(errors, e => e.Message.Contains("'#introduction'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("old anchor 'kept' is still the id", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_pages_come_from_the_section_config_and_join_the_tree()
    {
        var byRegion = PageAt("projects/by-region/");
        var byKind = PageAt("projects/by-kind/");
        Assert.Equal(PageKind.Generated, byRegion.Kind);
        Assert.Same(PageAt("projects/"), byRegion.Parent);
        Assert.Contains(byKind, PageAt("projects/").Children);
        Assert.Equal("Projects by kind", byKind.Title);
        // Grouped, with a heading per value; an entry with two values is under both.
        Assert.Equal(["North", "South"], byRegion.Headings.Select(h => h.Text));
        string html = byRegion.ContentHtml;
        Assert.Contains("<h2 id=\"north\">North <span class=\"count\">(1)</span></h2>\n<ul>\n<li><a href=\"../alpha/\">Alpha</a></li>\n</ul>", html);
        Assert.Contains("<h2 id=\"south\">South <span class=\"count\">(2)</span></h2>\n<ul>\n<li><a href=\"../alpha/\">Alpha</a></li>\n<li><a href=\"../beta/\">Beta</a></li>\n</ul>", html);
        // The sidebar of an entry shows the generated pages among its siblings.
        var sidebar = new PageModelFactory(Built.Value.Config, Built.Value.Tree).Sidebar(PageAt("projects/alpha/"))!;
        Assert.Contains(sidebar.Children, n => n.Title == "Projects by kind" && n.Href == "../by-kind/");
    }

    [Fact]
    public void The_entry_table_has_the_configured_columns_and_every_entry()
    {
        var table = new PageModelFactory(Built.Value.Config, Built.Value.Tree).EntryTableOf(PageAt("projects/"));
        Assert.NotNull(table);
        Assert.Equal(["region", "year"], table.Columns.Select(c => c.Name));
        Assert.Equal(["Alpha", "Beta"], table.Rows.Select(r => r.Title));
        Assert.Equal(["North", "South"], table.Rows[0].Cells[0]);
        Assert.Equal(["2019"], table.Rows[1].Cells[1]);
        Assert.True(table.Columns[1].Numeric);
        Assert.Null(new PageModelFactory(Built.Value.Config, Built.Value.Tree).EntryTableOf(PageAt("lonely/")));
    }

    [Fact]
    public void Label_pages_list_the_labelled_pages_and_page_labels_link_to_them()
    {
        var labels = PageAt("labels/");
        Assert.Equal(["labels/field-work/", "labels/start/"], labels.Children.Select(c => c.Url));
        Assert.Contains("<li><a href=\"../../\">Home</a></li>", PageAt("labels/start/").ContentHtml);
        Assert.Contains("<a href=\"../../projects/alpha/\">Alpha</a>", PageAt("labels/start/").ContentHtml);
        var model = new PageModelFactory(Built.Value.Config, Built.Value.Tree).Create(PageAt("projects/alpha/"));
        Assert.Equal([("start", "../../labels/start/"), ("Field Work", "../../labels/field-work/")], model.LabelLinks.Select(l => (l.Title, l.Href)));
    }
}
