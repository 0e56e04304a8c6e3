using System.Text;
using SiteBuilder.Output;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Build.Steps;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Incremental;

/// <summary>
/// The wiki features of the full build — generated index and label pages, statswiki mirroring and its
/// redirect stubs, wiki links, {{children}}, old anchors, the search index and the summary — stay equal to a
/// full build after incremental edits.
/// </summary>
public sealed class IncrementalWikiFeaturesTests
{
    private const string Site = """
        -- site.yml --
        title: Test wiki
        base_url: https://example.org/
        sections:
          dimis:
            title: DIMiS
            statswiki_space: DIMiS
            table: [countries]
            index_by:
              - field: countries
                slug: by-country
                title: Entries by country
            schema:
              exempt: [about]
              fields:
                countries:
                  type: list
                  format: iso3166-alpha3
        -- pages/index.md --
        ---
        title: Home
        ---
        See [DIMiS](dimis/index.md) and [the survey](https://statswiki.unece.org/display/DIMiS/Survey+X).
        -- pages/dimis/index.md --
        ---
        title: DIMiS
        statswiki: https://statswiki.unece.org/display/DIMiS/DIMiS+Home
        ---
        {{children}}
        -- pages/dimis/about.md --
        ---
        title: About
        labels: [meta]
        anchors:
          old-setup: setup
        ---
        ## Setup

        About text with [[Alpha entry]].
        -- pages/dimis/alpha.md --
        ---
        title: Alpha entry
        countries: [FRA]
        labels: [mobile]
        ---
        Alpha body.
        -- pages/dimis/beta.md --
        ---
        title: Beta entry
        countries: [DEU, FRA]
        ---
        Beta body.
        """;

    private static BuildOptions Options(TestSite site) => new() { SourceDir = site.Root, SourceDateEpoch = 1_700_000_000 };

    private static (BuildResult Result, IReadOnlyDictionary<string, byte[]> Files) FullBuild(TestSite site)
    {
        var (result, context) = new SiteGenerator().Run(Options(site) with { DryRun = true });
        return (result, ((MemoryOutput)context.Output).Files.ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>Both phases, then every output, the diagnostics and the summary equal a full build's.</summary>
    private static void AssertSameAsFullBuild(TestSite site, IncrementalBuilder builder)
    {
        var last = builder.CompleteDeferred();
        Assert.False(builder.HasDeferredWork);
        var (result, expected) = FullBuild(site);
        var actual = builder.Current.Files;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from the full build:\n{Encoding.UTF8.GetString(actual[path])}");
        Assert.Equal(result.Diagnostics.Select(d => d.ToString()), last.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(result.Summary, builder.Summary());
    }

    private static IncrementalBuilder Start(TestSite site)
    {
        var builder = new IncrementalBuilder(Options(site));
        var first = builder.Rebuild();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.False(builder.HasDeferredWork);
        AssertSameAsFullBuild(site, builder);
        return builder;
    }

    [Fact]
    public void EditingAnEntrysCountryUpdatesTheByCountryPageAndTheTable()
    {
        using var site = TestSite.Create(Site);
        var builder = Start(site);
        Assert.DoesNotContain("ITA", Html(builder, "dimis/by-country/index.html"));

        Edit(site, "pages/dimis/alpha.md", "countries: [FRA]", "countries: [ITA]");
        var result = builder.Update(["pages/dimis/alpha.md"]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("dimis/by-country/index.html", result.Rendered);
        Assert.Contains("dimis/index.html", result.Rendered);
        Assert.Contains("ITA", Html(builder, "dimis/by-country/index.html"));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void CitingARepositoryFilePublishesItAndUnCitingItRemovesIt()
    {
        using var site = TestSite.Create(Site + "\n-- docs/report.txt --\nFigures.\n");
        var builder = Start(site);
        Assert.False(builder.Current.Files.ContainsKey("docs/report.txt"));

        Edit(site, "pages/dimis/beta.md", "title: Beta entry", "title: Beta entry\nsources:\n  - title: Report\n    url: docs/report.txt");
        var cited = builder.Update(["pages/dimis/beta.md"]);
        Assert.True(cited.Succeeded, string.Join("\n", cited.Diagnostics));
        Assert.Equal("Figures.\n", Html(builder, "docs/report.txt"));
        Assert.Contains("href=\"../../docs/report.txt\"", Html(builder, "dimis/beta/index.html"));
        AssertSameAsFullBuild(site, builder);

        Edit(site, "pages/dimis/beta.md", "\nsources:\n  - title: Report\n    url: docs/report.txt", "");
        Assert.True(builder.Update(["pages/dimis/beta.md"]).Succeeded);
        Assert.False(builder.Current.Files.ContainsKey("docs/report.txt"));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void AddingAStatswikiUrlCreatesItsStubAndMakesLinksToItInternal()
    {
        using var site = TestSite.Create(Site);
        var builder = Start(site);
        var before = builder.Current.Files.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.Contains("href=\"https://statswiki.unece.org/display/DIMiS/Survey+X\"", Html(builder, "index.html"));

        Edit(site, "pages/dimis/beta.md", "title: Beta entry", "title: Beta entry\nstatswiki: https://statswiki.unece.org/display/DIMiS/Survey+X");
        var added = builder.Update(["pages/dimis/beta.md"]);
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        var stubs = builder.Current.Files.Keys.Where(k => !before.Contains(k)).ToList();
        Assert.Equal(["display/DIMiS/Survey+X/index.html"], stubs);
        Assert.Contains("dimis/beta/", Html(builder, "display/DIMiS/Survey+X/index.html"));
        Assert.Contains("/display/DIMiS/Survey+X /dimis/beta/ 301", Html(builder, "_redirects"));
        // The home page's statswiki link now points to the mirror, so beta has a backlink from it.
        Assert.Contains("href=\"dimis/beta/\"", Html(builder, "index.html"));
        AssertSameAsFullBuild(site, builder);

        Edit(site, "pages/dimis/beta.md", "\nstatswiki: https://statswiki.unece.org/display/DIMiS/Survey+X", "");
        var removed = builder.Update(["pages/dimis/beta.md"]);
        Assert.True(removed.Succeeded, string.Join("\n", removed.Diagnostics));
        Assert.False(builder.Current.Files.ContainsKey("display/DIMiS/Survey+X/index.html"));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void EditingAPagesTextUpdatesTheSearchIndexInTheSecondPhase()
    {
        using var site = TestSite.Create(Site);
        var builder = Start(site);

        Edit(site, "pages/dimis/alpha.md", "Alpha body.", "Alpha body mentions zanzibar.");
        var edit = builder.Update(["pages/dimis/alpha.md"]);
        Assert.True(edit.Succeeded);
        Assert.Equal(["dimis/alpha/index.html"], edit.Rendered);
        // The edit is published before the index is rebuilt (in the background); waiting for it gives the full build's index.
        Assert.DoesNotContain(edit.Timings, t => t.Phase == "SearchIndex" && t.Elapsed > TimeSpan.FromSeconds(1));
        var second = builder.CompleteDeferred();
        Assert.True(second.Succeeded);
        Assert.False(builder.HasDeferredWork);
        Assert.True(second.Version > edit.Version);
        Assert.Contains("zanzibar", Html(builder, "search/dictionary.js"));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void TitleAndLabelEditsUpdateWikiLinksChildrenBlocksAndLabelPages()
    {
        using var site = TestSite.Create(Site);
        var builder = Start(site);

        // The wiki link [[Alpha entry]] breaks when the title changes, exactly as in a full build.
        Edit(site, "pages/dimis/alpha.md", "title: Alpha entry", "title: Alpha renamed");
        var renamed = builder.Update(["pages/dimis/alpha.md"]);
        Assert.Contains(renamed.Diagnostics, d => d.IsError && d.Location.Path == "pages/dimis/about.md");
        Edit(site, "pages/dimis/about.md", "[[Alpha entry]]", "[[Alpha renamed]]");
        var healed = builder.Update(["pages/dimis/about.md"]);
        Assert.True(healed.Succeeded, string.Join("\n", healed.Diagnostics));
        Assert.Contains("Alpha renamed", Html(builder, "dimis/index.html"));
        AssertSameAsFullBuild(site, builder);

        // A new label makes a label page; removing the last use of one removes it.
        Edit(site, "pages/dimis/beta.md", "title: Beta entry", "title: Beta entry\nlabels: [survey]");
        Edit(site, "pages/dimis/about.md", "labels: [meta]", "labels: []");
        var labelled = builder.Update(["pages/dimis/beta.md", "pages/dimis/about.md"]);
        Assert.True(labelled.Succeeded, string.Join("\n", labelled.Diagnostics));
        Assert.Contains("labels/survey/index.html", builder.Current.Files.Keys);
        Assert.DoesNotContain("labels/meta/index.html", builder.Current.Files.Keys);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void AnOldAnchorBreaksAndHealsLikeInAFullBuild()
    {
        using var site = TestSite.Create(Site);
        var builder = Start(site);
        Assert.Contains("<span id=\"old-setup\"></span>", Html(builder, "dimis/about/index.html"));

        Edit(site, "pages/dimis/about.md", "old-setup: setup", "old-setup: set-up");
        var broken = builder.Update(["pages/dimis/about.md"]);
        Assert.Contains(broken.Diagnostics, d => d.Code == "SB1002" && d.Location.Path == "pages/dimis/about.md");
        Assert.Equal(new SiteGenerator().Build(Options(site) with { DryRun = true }).Diagnostics.Select(d => d.ToString()),
            broken.Diagnostics.Select(d => d.ToString()));

        Edit(site, "pages/dimis/about.md", "old-setup: set-up", "old-setup: setup");
        Assert.True(builder.Update(["pages/dimis/about.md"]).Succeeded);
        // A text edit re-renders the page from a fresh parse: the marker is there once, not twice.
        Edit(site, "pages/dimis/about.md", "About text", "About text, edited,");
        Assert.True(builder.Update(["pages/dimis/about.md"]).Succeeded);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Html(builder, "dimis/about/index.html"), "id=\"old-setup\""));
        AssertSameAsFullBuild(site, builder);
    }

    private static void Edit(TestSite site, string path, string old, string replacement)
    {
        string file = Path.Combine(site.Root, path);
        string text = File.ReadAllText(file);
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not in {path}");
        File.WriteAllText(file, text[..at] + replacement + text[(at + old.Length)..]);
    }

    private static string Html(IncrementalBuilder builder, string path) => Encoding.UTF8.GetString(builder.Current.Files[path]);
}
