using SiteBuilder.Output;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Incremental;

/// <summary>
/// The incremental builder must produce, after any sequence of edits, byte for byte what a full build
/// of the same sources produces, while rendering only the pages the edit can affect.
/// </summary>
public sealed class IncrementalBuilderTests
{
    private const string Site = """
        -- site.yml --
        title: Test wiki
        base_url: https://example.org/
        sections:
          docs:
            title: Docs
        -- pages/index.md --
        ---
        title: Home
        ---
        Welcome. See [the docs](docs/index.md).
        -- pages/docs/index.md --
        ---
        title: Docs
        ---
        Start with [alpha](alpha.md).
        -- pages/docs/alpha.md --
        ---
        title: Alpha
        description: First page
        ---
        ## Setup

        Alpha text. See [beta](beta.md).
        -- pages/docs/beta.md --
        ---
        title: Beta
        ---
        ## Usage

        Beta text.
        -- pages/docs/deep/index.md --
        ---
        title: Deep
        ---
        Deep section.
        -- pages/docs/deep/gamma.md --
        ---
        title: Gamma
        ---
        Gamma links to [the alpha setup](../alpha.md#setup).
        -- pages/other/index.md --
        ---
        title: Other
        ---
        Other section.
        -- pages/other/delta.md --
        ---
        title: Delta
        ---
        Delta text.
        """;

    private const string Layouts = """
        -- layouts/_Layout.cshtml --
        @model SiteBuilder.Layouts.PageModel
        <html><head><title>@Model.Title</title></head><body><nav>@foreach (var s in Model.Site.Sections) { <span>@s.Title</span> }</nav>@RenderBody()</body></html>
        -- layouts/page.cshtml --
        @model SiteBuilder.Layouts.PageModel
        @{ Layout = "_Layout"; }
        <h1>@Model.Title</h1>@Raw(Model.Content)
        <ul class="crumbs">@foreach (var b in Model.Breadcrumbs) { <li>@b.Title</li> }</ul>
        <ul class="back">@foreach (var b in Model.Backlinks) { <li>@b.Title</li> }</ul>
        -- layouts/section.cshtml --
        @model SiteBuilder.Layouts.PageModel
        @{ Layout = "_Layout"; }
        <h1 class="section">@Model.Title</h1>@Raw(Model.Content)
        <ul>@foreach (var c in Model.Children) { <li>@c.Title</li> }</ul>
        -- layouts/home.cshtml --
        @model SiteBuilder.Layouts.PageModel
        @{ Layout = "_Layout"; }
        <h1 class="home">@Model.Title</h1>@Raw(Model.Content)
        """;

    private static BuildOptions Options(TestSite site) => new() { SourceDir = site.Root, SourceDateEpoch = 1_700_000_000 };

    /// <summary>What the ordinary build makes of the same sources (without writing them).</summary>
    private static IReadOnlyDictionary<string, byte[]> FullBuild(TestSite site)
    {
        var (_, context) = new SiteGenerator().Run(Options(site) with { DryRun = true });
        return ((MemoryOutput)context.Output).Files.ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>The rebuild reports exactly the problems a full build of the same sources reports.</summary>
    private static void AssertSameDiagnostics(TestSite site, IncrementalResult result)
    {
        var full = new SiteGenerator().Build(Options(site) with { DryRun = true });
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), result.Diagnostics.Select(d => d.ToString()));
    }

    /// <summary>Runs the second phase (as the preview server does after each reload), then compares every output.</summary>
    private static void AssertSameAsFullBuild(TestSite site, IncrementalBuilder builder)
    {
        Assert.True(builder.CompleteDeferred().Succeeded);
        Assert.False(builder.HasDeferredWork);
        var expected = FullBuild(site);
        var actual = builder.Current.Files;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from the full build:\n{System.Text.Encoding.UTF8.GetString(actual[path])}");
    }

    [Fact]
    public void FirstBuildIsTheFullBuild()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        var result = builder.Rebuild();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(1, result.Version);
        Assert.Equal(8, result.PageCount);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void EditsRenderOnlyTheAffectedPagesAndMatchTheFullBuild()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        // A body edit changes that page alone.
        Edit(site, "pages/docs/beta.md", "Beta text.", "Beta text, edited.");
        var body = builder.Update(["pages/docs/beta.md"]);
        Assert.True(body.Succeeded);
        Assert.Equal(["docs/beta/index.html"], body.Rendered);
        Assert.Contains("Beta text, edited.", Html(builder, "docs/beta/index.html"));
        AssertSameAsFullBuild(site, builder);

        // Saving without a change renders nothing.
        Assert.Empty(builder.Update(["pages/docs/beta.md"]).Rendered);

        // A new link makes the target show a backlink: both pages change, nothing else.
        Edit(site, "pages/docs/beta.md", "Beta text, edited.", "Beta text, see [delta](../other/delta.md).");
        var link = builder.Update(["pages/docs/beta.md"]);
        Assert.Equal(["docs/beta/index.html", "other/delta/index.html"], link.Rendered);
        AssertSameAsFullBuild(site, builder);

        // A title shows in the sidebar of the whole section, its parent's child list and its backlink targets.
        Edit(site, "pages/docs/beta.md", "title: Beta", "title: Beta renamed");
        var title = builder.Update(["pages/docs/beta.md"]);
        Assert.Contains("docs/index.html", title.Rendered);
        Assert.Contains("docs/deep/gamma/index.html", title.Rendered);
        Assert.Contains("other/delta/index.html", title.Rendered);
        Assert.DoesNotContain("other/index.html", title.Rendered);
        AssertSameAsFullBuild(site, builder);

        // A section title is in every page's header.
        Edit(site, "pages/other/index.md", "title: Other", "title: Others");
        var section = builder.Update(["pages/other/index.md"]);
        Assert.Equal(8, section.Rendered.Count);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void ASearchIndexLeftUnstartedWaitsForStartDeferredAndThenMatchesTheFullBuild()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site)) { StartsDeferredWork = false };
        Assert.True(builder.Rebuild().Succeeded);
        Assert.False(builder.HasUnstartedWork);
        string SearchFiles() => string.Concat(builder.Current.Files.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + System.Text.Encoding.UTF8.GetString(f.Value)));
        string index = SearchFiles();
        Assert.Contains("beta", index);

        // The edit is published at once; its index is not built until the caller asks, over the pages as they are then.
        Edit(site, "pages/docs/beta.md", "Beta text.", "Beta text, quokkaish.");
        Assert.True(builder.Update(["pages/docs/beta.md"]).Succeeded);
        Edit(site, "pages/docs/alpha.md", "Alpha text.", "Alpha text, wombatish.");
        Assert.True(builder.Update(["pages/docs/alpha.md"]).Succeeded);
        Assert.Contains("quokkaish", Html(builder, "docs/beta/index.html"));
        Assert.True(builder.HasUnstartedWork);
        Assert.True(builder.HasDeferredWork);
        Thread.Sleep(200);
        Assert.Equal(index, SearchFiles());

        builder.StartDeferred();
        Assert.False(builder.HasUnstartedWork);
        AssertSameAsFullBuild(site, builder);
        Assert.Contains("quokkaish", SearchFiles());
        Assert.Contains("wombatish", SearchFiles());

        // CompleteDeferred starts what was left unstarted itself.
        Edit(site, "pages/docs/beta.md", "quokkaish", "numbatish");
        Assert.True(builder.Update(["pages/docs/beta.md"]).Succeeded);
        Assert.True(builder.HasUnstartedWork);
        AssertSameAsFullBuild(site, builder);
        Assert.Contains("numbatish", SearchFiles());
    }

    [Fact]
    public void FastRenderRendersTheOpenPagesFirstAndTheRestLaterAsAFullBuildWould()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);
        var open = new HashSet<string>(StringComparer.Ordinal) { "docs/beta/index.html" };

        // A title shows on other pages; only the open one is rendered and published now.
        Edit(site, "pages/docs/beta.md", "title: Beta", "title: Beta renamed");
        var title = builder.Update(ChangeSet.From(["pages/docs/beta.md"]), open);
        Assert.True(title.Succeeded);
        Assert.Equal(["docs/beta/index.html"], title.Rendered);
        Assert.Contains("Beta renamed", Html(builder, "docs/beta/index.html"));
        Assert.DoesNotContain("Beta renamed", Html(builder, "docs/index.html"));
        Assert.True(builder.HasDeferredRenders);
        Assert.True(builder.HasDeferredWork);

        var rest = builder.RenderDeferred();
        Assert.NotNull(rest);
        Assert.True(rest.Succeeded);
        Assert.Contains("docs/index.html", rest.Rendered);
        Assert.Contains("docs/deep/gamma/index.html", rest.Rendered);
        Assert.DoesNotContain("docs/beta/index.html", rest.Rendered);
        Assert.False(builder.HasDeferredRenders);
        Assert.Null(builder.RenderDeferred());
        AssertSameAsFullBuild(site, builder);

        // What one edit left is rendered by the next one that can (here a page no one has open, so all at once)...
        Edit(site, "pages/docs/beta.md", "title: Beta renamed", "title: Beta again");
        Assert.Equal(["docs/beta/index.html"], builder.Update(ChangeSet.From(["pages/docs/beta.md"]), open).Rendered);
        Edit(site, "pages/other/delta.md", "Delta text.", "Delta text, edited.");
        var next = builder.Update(ChangeSet.From(["pages/other/delta.md"]), new HashSet<string>(StringComparer.Ordinal));
        Assert.Contains("docs/index.html", next.Rendered);
        Assert.Contains("other/delta/index.html", next.Rendered);
        Assert.False(builder.HasDeferredRenders);
        AssertSameAsFullBuild(site, builder);

        // ... or by CompleteDeferred, also after a page it left was deleted.
        Edit(site, "pages/docs/beta.md", "title: Beta again", "title: Beta at last");
        builder.Update(ChangeSet.From(["pages/docs/beta.md"]), open);
        Assert.True(builder.HasDeferredRenders);
        Delete(site, "pages/docs/deep/gamma.md");
        builder.Update(ChangeSet.From(["pages/docs/deep/gamma.md"]), open);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void WikiLinksInTheTextResolveOnTheFastPathAndBreakAtTheirPosition()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        Edit(site, "pages/docs/beta.md", "Beta text.", "Beta text, see [[Delta]] and [[Alpha#Setup|the setup]].");
        var linked = builder.Update(["pages/docs/beta.md"]);
        Assert.True(linked.Succeeded, string.Join("\n", linked.Diagnostics));
        Assert.Contains("other/delta/index.html", linked.Rendered);
        Assert.Contains("docs/alpha/index.html", linked.Rendered);
        AssertSameAsFullBuild(site, builder);

        Edit(site, "pages/docs/beta.md", "[[Delta]]", "[[Nowhere]]");
        var broken = builder.Update(["pages/docs/beta.md"]);
        Assert.Contains(broken.Diagnostics, d => d.Code == "SB1003" && d.Location.ToString() == "pages/docs/beta.md:6:16");
        AssertSameDiagnostics(site, broken);
    }

    [Fact]
    public void DeletingAndRestoringAPageBreaksAndHealsItsLinks()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);
        string alpha = Read(site, "pages/docs/alpha.md");

        Delete(site, "pages/docs/alpha.md");
        var deleted = builder.Update(["pages/docs/alpha.md"]);
        Assert.False(deleted.Succeeded);
        Assert.Contains("docs/alpha/index.html", deleted.Removed);
        // Both pages that linked to alpha report it, at the link's own position.
        Assert.Contains(deleted.Diagnostics, d => d.Code == "SB1001" && d.Location.ToString() == "pages/docs/index.md:4:12");
        Assert.Contains(deleted.Diagnostics, d => d.Code == "SB1001" && d.Location.ToString() == "pages/docs/deep/gamma.md:4:16");
        AssertSameDiagnostics(site, deleted);
        // A failed build keeps serving the last good site.
        Assert.Equal(1, builder.Current.Version);
        Assert.True(builder.Current.Files.ContainsKey("docs/alpha/index.html"));

        site.WriteBytes("pages/docs/alpha.md", System.Text.Encoding.UTF8.GetBytes(alpha));
        var restored = builder.Update(["pages/docs/alpha.md"]);
        Assert.True(restored.Succeeded, string.Join("\n", restored.Diagnostics));
        Assert.Equal(2, restored.Version);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void AFragmentBreaksWhenItsHeadingGoesAndHealsWhenItComesBack()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        Edit(site, "pages/docs/alpha.md", "## Setup", "## Installation");
        var broken = builder.Update(["pages/docs/alpha.md"]);
        var diagnostic = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal("SB1002", diagnostic.Code);
        Assert.Equal("pages/docs/deep/gamma.md:4:16", diagnostic.Location.ToString());
        AssertSameDiagnostics(site, broken);

        Edit(site, "pages/docs/alpha.md", "## Installation", "## Setup");
        Assert.True(builder.Update(["pages/docs/alpha.md"]).Succeeded);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void AFrontMatterErrorIsReportedAtItsLineAndRecovers()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        Edit(site, "pages/docs/beta.md", "title: Beta", "title: [Beta");
        var broken = builder.Update(["pages/docs/beta.md"]);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "SB0102" && d.Location.ToString() == "pages/docs/beta.md:3:1");
        AssertSameDiagnostics(site, broken);
        Assert.Equal(1, builder.Current.Version);

        Edit(site, "pages/docs/beta.md", "title: [Beta", "title: Beta again");
        var fixedResult = builder.Update(["pages/docs/beta.md"]);
        Assert.True(fixedResult.Succeeded, string.Join("\n", fixedResult.Diagnostics));
        Assert.Equal(2, fixedResult.Version);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void ALayoutEditRendersThePagesThatUseItAndAPartialEditRendersAll()
    {
        using var site = TestSite.Create(Site + "\n" + Layouts);
        var builder = new IncrementalBuilder(Options(site));
        var first = builder.Rebuild();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        Edit(site, "layouts/section.cshtml", "<h1 class=\"section\">", "<h1 class=\"section edited\">");
        var sectionEdit = builder.Update(["layouts/section.cshtml"]);
        Assert.Equal(["docs/deep/index.html", "docs/index.html", "other/index.html"], sectionEdit.Rendered);
        AssertSameAsFullBuild(site, builder);

        // A broken layout is an error at its line; fixing it recovers.
        Edit(site, "layouts/section.cshtml", "@Raw(Model.Content)", "@Raw(Model.NoSuchMember)");
        var broken = builder.Update(["layouts/section.cshtml"]);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "SB0301" && d.Location.Path == "layouts/section.cshtml" && d.Location.Line == 3);
        AssertSameDiagnostics(site, broken);
        // Later page edits keep the layout error until the layout is fixed.
        Assert.False(builder.Update(["pages/docs/index.md"]).Succeeded);
        Edit(site, "layouts/section.cshtml", "@Raw(Model.NoSuchMember)", "@Raw(Model.Content)");
        Assert.True(builder.Update(["layouts/section.cshtml"]).Succeeded);

        Edit(site, "layouts/_Layout.cshtml", "<nav>", "<nav class=\"top\">");
        var shared = builder.Update(["layouts/_Layout.cshtml"]);
        Assert.Equal(8, shared.Rendered.Count);
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void APageEditAfterALayoutLimitRendersEveryPageAgainAsAFullBuildWould()
    {
        // The layout recurses without end for one page only: the render is stopped (SB0306), and the renderer stops
        // every later render. Fixing the page, not the layout, must bring the whole site back, as a full build does.
        using var site = TestSite.Create(Site + "\n" + Layouts);
        Edit(site, "layouts/page.cshtml", "<h1>@Model.Title</h1>",
            "@functions { int Deep(int n) => Deep(n + 1) + 1; }\n<h1>@Model.Title</h1>@if (Model.Title == \"Loop\") { <b>@Deep(0)</b> }");
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        Edit(site, "pages/docs/beta.md", "title: Beta", "title: Loop");
        var stopped = builder.Update(["pages/docs/beta.md"]);
        Assert.False(stopped.Succeeded);
        Assert.Contains(stopped.Diagnostics, d => d.Code == "SB0306" && d.Location.Path == "layouts/page.cshtml");
        AssertSameDiagnostics(site, stopped);

        // Another page's edit while the limit stands: still the same failure as a full build.
        Edit(site, "pages/other/delta.md", "Delta text.", "Delta text, edited.");
        AssertSameDiagnostics(site, builder.Update(["pages/other/delta.md"]));

        Edit(site, "pages/docs/beta.md", "title: Loop", "title: Beta again");
        var fixedPage = builder.Update(["pages/docs/beta.md"]);
        Assert.True(fixedPage.Succeeded, string.Join("\n", fixedPage.Diagnostics));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void AddingAPageUpdatesItsParentAndTheSitemap()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        site.Write("-- pages/other/epsilon.md --\n---\ntitle: Epsilon\n---\nNew page linking [delta](delta.md).\n");
        var added = builder.Update(["pages/other/epsilon.md"]);
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.Contains("other/epsilon/index.html", added.Rendered);
        Assert.Contains("other/index.html", added.Rendered);
        Assert.Contains("other/epsilon/", System.Text.Encoding.UTF8.GetString(builder.Current.Files["sitemap.xml"]));
        AssertSameAsFullBuild(site, builder);

        // A page turned into a draft leaves the site.
        Edit(site, "pages/other/epsilon.md", "title: Epsilon", "title: Epsilon\ndraft: true");
        var draft = builder.Update(["pages/other/epsilon.md"]);
        Assert.Contains("other/epsilon/index.html", draft.Removed);
        AssertSameAsFullBuild(site, builder);
    }

    /// <summary>
    /// A page saved at a path the build writes itself (the search page) is the content's error, as in a full build, and
    /// never takes the place of the build's file; once the page goes, the build's file is back, whichever came first.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APageAtAPathTheBuildWritesIsAnErrorUntilItGoes(bool fromTheStart)
    {
        const string taker = "-- pages/search/index.md --\n---\ntitle: Taker\n---\nNot the search page.\n";
        using var site = TestSite.Create(fromTheStart ? Site + "\n" + taker : Site);
        var builder = new IncrementalBuilder(Options(site));
        var first = builder.Rebuild();
        Assert.Equal(!fromTheStart, first.Succeeded);
        if (!fromTheStart)
        {
            site.Write(taker);
            var taken = builder.Update(["pages/search/index.md"]);
            Assert.False(taken.Succeeded);
            AssertSameDiagnostics(site, taken);
            Assert.Contains(taken.Diagnostics, d => d.Code == "SB0107" && d.Location.ToString() == "pages/search/index.md:1:1");
            Assert.DoesNotContain("Not the search page.", Html(builder, "search/index.html"));
        }
        else AssertSameDiagnostics(site, first);

        Delete(site, "pages/search/index.md");
        var gone = builder.Update(["pages/search/index.md"]);
        Assert.True(gone.Succeeded, string.Join("\n", gone.Diagnostics));
        AssertSameAsFullBuild(site, builder);
    }

    /// <summary>
    /// A page whose file name cannot be a path of the site (a backslash, which on Linux is part of a name), saved while
    /// the preview runs, is reported as a full build reports it, and its removal clears the error.
    /// </summary>
    [Fact]
    public void APageNamedWithABackslashSavedDuringThePreviewIsReported()
    {
        using var site = TestSite.Create(Site);
        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);
        File.WriteAllText(Path.Combine(site.Root, "pages", "docs", "a\\b.md"), "---\ntitle: Slashed\n---\nText.\n");
        var saved = builder.Update(["pages/docs/a\\b.md"]);
        Assert.Contains(saved.Diagnostics, d => d.Code == "SB0113" && d.Location.ToString() == "pages/docs/a\\b.md:1:1");
        AssertSameDiagnostics(site, saved);

        File.Delete(Path.Combine(site.Root, "pages", "docs", "a\\b.md"));
        var gone = builder.Update(["pages/docs/a\\b.md"]);
        Assert.True(gone.Succeeded, string.Join("\n", gone.Diagnostics));
        AssertSameAsFullBuild(site, builder);
    }

    /// <summary>
    /// Symbolic links saved while the preview runs (a page and an asset pointing outside the source tree, a folder link
    /// outside, one that climbs, a loop) are what a full build makes of them: reported, never read, never published.
    /// </summary>
    [Fact]
    public void SymbolicLinksAddedDuringThePreviewAreNeverFollowedOutside()
    {
        using var site = TestSite.Create(Site);
        string outside = TestSites.TempDir();
        try
        {
            const string secret = "SECRET-OUTSIDE-THE-SOURCE-TREE";
            File.WriteAllText(Path.Combine(outside, "secret.md"), "---\ntitle: Secret\n---\n" + secret + "\n");
            File.WriteAllText(Path.Combine(outside, "secret.txt"), secret);
            var builder = new IncrementalBuilder(Options(site));
            Assert.True(builder.Rebuild().Succeeded);

            string pages = Path.Combine(site.Root, "pages");
            File.CreateSymbolicLink(Path.Combine(pages, "docs", "leak.md"), Path.Combine(outside, "secret.md"));
            File.CreateSymbolicLink(Path.Combine(pages, "docs", "leak.txt"), Path.Combine(outside, "secret.txt"));
            File.CreateSymbolicLink(Path.Combine(pages, "climb.md"), "../../../../../../../../" + Path.Combine(outside, "secret.md").TrimStart('/'));
            Directory.CreateSymbolicLink(Path.Combine(pages, "linked"), outside);
            File.CreateSymbolicLink(Path.Combine(pages, "loop.md"), "loop.md");
            var result = builder.Update(["pages/docs/leak.md", "pages/docs/leak.txt", "pages/climb.md", "pages/linked", "pages/loop.md"]);
            AssertSameDiagnostics(site, result);
            foreach (string link in new[] { "pages/docs/leak.md", "pages/docs/leak.txt", "pages/climb.md", "pages/linked", "pages/loop.md" })
                Assert.Contains(result.Diagnostics, d => d.Location.Path == link);
            Assert.DoesNotContain(builder.Current.Files, f => System.Text.Encoding.UTF8.GetString(f.Value).Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(builder.CompleteDeferred().Diagnostics, d => d.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(builder.Current.Files, f => System.Text.Encoding.UTF8.GetString(f.Value).Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    /// <summary>
    /// A site whose label <c>big</c> lists 30 pages (five of them also <c>small</c>); p01 links to p07, and the label
    /// <c>other</c> is on pages no edit touches.
    /// </summary>
    private static string LabelledSite() =>
        """
        -- site.yml --
        title: Test wiki
        base_url: https://example.org/
        sections:
          docs:
            title: Docs
        -- pages/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- pages/docs/index.md --
        ---
        title: Docs
        ---
        The docs.
        -- pages/other/index.md --
        ---
        title: Other
        labels: [other]
        ---
        Other section.
        -- pages/other/o1.md --
        ---
        title: O1
        labels: [other]
        ---
        O1 text.
        """ + string.Concat(Enumerable.Range(0, 30).Select(i => $"""

        -- pages/docs/p{i:00}.md --
        ---
        title: "Page {i:00}"
        labels: [{(i < 5 ? "big, small" : "big")}]
        ---
        Text of page {i:00}.{(i == 1 ? " See [seven](p07.md)." : "")}
        """));

    /// <summary>
    /// A title edit of a labelled page keeps the page set in place: the site's tree stays, its labels' pages are made
    /// again (the edited page moved to where its new title sorts), the pages of the labels it does not carry are kept, the
    /// open page alone renders first, and the pages left render afterwards; the site is then a full build's, byte for byte.
    /// </summary>
    [Fact]
    public void ATitleEditOfALabelledPageRemakesOnlyItsLabelsPagesInPlaceAndMatchesTheFullBuild()
    {
        using var site = TestSite.Create(LabelledSite() + "\n" + Layouts);
        var open = new HashSet<string>(StringComparer.Ordinal) { "docs/p07/index.html" };

        // The engine the preview runs, to see which pages are made anew.
        var engine = new StepEngine(Options(site) with { DryRun = true }, SiteGenerator.DefaultSteps(), new PreviewOutput(),
            step => step is not (StartSearchIndex or BuildSearchIndex or CommitSite));
        var all = new ProductChanges();
        all.MarkAll(BuildProducts.Sources);
        engine.Run(all);
        var before = engine.Context.Get(BuildProducts.Pages);
        Page LabelPage(SitePages pages, string label) => pages.Tree.ByUrl($"labels/{label}/")!;
        var (big, small, other) = (LabelPage(before, "big"), LabelPage(before, "small"), LabelPage(before, "other"));
        Assert.Equal(30, big.ContentHtml.Split("<li>").Length - 1);
        Assert.Contains("Page 07", big.ContentHtml.Split("<li>")[8]);

        var builder = new IncrementalBuilder(Options(site));
        Assert.True(builder.Rebuild().Succeeded);

        Edit(site, "pages/docs/p07.md", "title: \"Page 07\"", "title: \"Aardvark & co\"");
        var edit = new ProductChanges();
        edit.Mark(BuildProducts.Sources, ["pages/docs/p07.md"]);
        engine.Context.Set(BuildProducts.OpenPages, open);
        engine.Run(edit, step => step is ApplyLayouts);
        var after = engine.Context.Get(BuildProducts.Pages);
        Assert.Same(before.Tree, after.Tree);
        Assert.NotSame(big, LabelPage(after, "big"));
        Assert.Contains("Aardvark &amp; co", LabelPage(after, "big").ContentHtml.Split("<li>")[1]);
        Assert.Same(small, LabelPage(after, "small"));
        Assert.Same(other, LabelPage(after, "other"));
        Assert.Equal(["docs/p07/index.html"], engine.Context.Get(BuildProducts.Renders).Rendered);

        var title = builder.Update(ChangeSet.From(["pages/docs/p07.md"]), open);
        Assert.True(title.Succeeded);
        Assert.Equal(["docs/p07/index.html"], title.Rendered);
        Assert.Contains("Aardvark &amp; co", Html(builder, "docs/p07/index.html"));
        var rest = builder.RenderDeferred();
        Assert.NotNull(rest);
        Assert.Contains("labels/big/index.html", rest.Rendered);
        Assert.DoesNotContain("labels/small/index.html", rest.Rendered);
        Assert.DoesNotContain("labels/other/index.html", rest.Rendered);
        Assert.Contains("Aardvark &amp; co", Html(builder, "labels/big/index.html"));
        AssertSameDiagnostics(site, rest);
        AssertSameAsFullBuild(site, builder);

        // A page with two labels gets a new title and a description: both its labels' pages change, in place.
        Edit(site, "pages/docs/p02.md", "title: \"Page 02\"", "title: \"Page 99\"\ndescription: Now last");
        var second = new ProductChanges();
        second.Mark(BuildProducts.Sources, ["pages/docs/p02.md"]);
        engine.Run(second, step => step is ApplyLayouts);
        var third = engine.Context.Get(BuildProducts.Pages);
        Assert.Same(before.Tree, third.Tree);
        Assert.Contains("Page 99</a><span class=\"summary\"> — Now last", LabelPage(third, "big").ContentHtml.Split("<li>")[^1]);
        Assert.Contains("Page 99", LabelPage(third, "small").ContentHtml.Split("<li>")[^1]);
        Assert.Same(other, LabelPage(third, "other"));

        var both = builder.Update(ChangeSet.From(["pages/docs/p02.md"]), new HashSet<string>(StringComparer.Ordinal) { "docs/p02/index.html" });
        Assert.Equal(["docs/p02/index.html"], both.Rendered);
        var later = builder.RenderDeferred();
        Assert.NotNull(later);
        Assert.Contains("labels/big/index.html", later.Rendered);
        Assert.Contains("labels/small/index.html", later.Rendered);
        Assert.DoesNotContain("labels/other/index.html", later.Rendered);
        AssertSameDiagnostics(site, later);
        AssertSameAsFullBuild(site, builder);
    }

    private static string Read(TestSite site, string path) => File.ReadAllText(Path.Combine(site.Root, path));

    private static void Delete(TestSite site, string path) => File.Delete(Path.Combine(site.Root, path));

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a source file.</summary>
    private static void Edit(TestSite site, string path, string old, string replacement)
    {
        string text = Read(site, path);
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not in {path}");
        File.WriteAllText(Path.Combine(site.Root, path), text[..at] + replacement + text[(at + old.Length)..]);
    }

    private static string Html(IncrementalBuilder builder, string path) => System.Text.Encoding.UTF8.GetString(builder.Current.Files[path]);
}
