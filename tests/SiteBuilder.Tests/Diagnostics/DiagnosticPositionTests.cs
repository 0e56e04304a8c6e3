using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Diagnostics;

/// <summary>Every diagnostic the foundation emits, pinned to its exact <c>path:line:col</c>.</summary>
public sealed class DiagnosticPositionTests
{
    private const string Home = "-- pages/index.md --\n---\ntitle: Home\n---\nHello.\n";

    private static string[] Build(string spec)
    {
        using var site = TestSite.Create(spec);
        return TestSite.Lines(site.Build());
    }

    [Fact]
    public void LinksInASetextHeadingAreReportedAtTheirOwnLine()
    {
        // Markdig counts a setext heading's lines twice in an inline's Line (found by the fuzzer); spans are right.
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n---\nline one\r\nline two\rsee [[Nowhere]] and [x](gone.md)\n---\n\nafter <https://statswiki.unece.org/display/X/Y>\n");
        Assert.Equal(
            ["pages/a.md:6:5: error SB1003: wiki link target 'Nowhere' is neither a page title nor a page path",
             "pages/a.md:6:21: error SB1001: link target 'gone.md' not found"],
            lines.Where(l => l.Contains("SB100")));
    }

    [Fact]
    public void MalformedYamlIsReportedInsideTheFrontMatter()
    {
        var lines = Build(Home + """
            -- pages/a.md --
            ---
            title: A
            labels: [one, two
            weight: 3
            ---
            Body
            """);
        var error = Assert.Single(lines);
        Assert.StartsWith("pages/a.md:", error);
        Assert.Contains(": error SB0102: invalid YAML", error);
        // The problem is reported inside the front matter block (lines 2–4), never at line 1 or in the body.
        int line = int.Parse(error.Split(':')[1]);
        Assert.InRange(line, 2, 5);
    }

    [Fact]
    public void TabIndentedYamlPointsAtTheTab()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n\tweight: 2\n---\nBody\n");
        Assert.Equal(["pages/a.md:3:1: error SB0102: invalid YAML: While scanning a plain scalar, found a tab character that violate indentation."], lines);
    }

    [Fact]
    public void MissingTitleIsAnErrorAtTheFrontMatter()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ndescription: no title here\n---\nBody\n");
        Assert.Equal(["pages/a.md:1:1: error SB0103: front matter has no 'title'"], lines);
    }

    [Fact]
    public void EmptyTitleIsReportedAtTheTitleKey()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ndescription: x\ntitle: \"\"\n---\nBody\n");
        Assert.Equal(["pages/a.md:3:1: error SB0103: front matter has no 'title'"], lines);
    }

    [Fact]
    public void PageWithoutFrontMatterNeedsOne()
    {
        var lines = Build(Home + "-- pages/a.md --\n# Just markdown\n");
        Assert.Equal(["pages/a.md:1:1: error SB0103: page has no front matter; add '---', 'title: …', '---' at the top"], lines);
    }

    [Fact]
    public void UnclosedFrontMatter()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\nBody without a closing fence\n");
        Assert.Equal(["pages/a.md:1:1: error SB0106: front matter opened with '---' is never closed with '---'"], lines);
    }

    [Fact]
    public void UnknownFrontMatterKeyIsAWarningAtTheKey()
    {
        using var site = TestSite.Create(Home + "-- pages/a.md --\n---\ntitle: A\n  \ncolour: blue\n---\nBody\n");
        var result = site.Build();
        Assert.Equal(["pages/a.md:4:1: warning SB0105: unknown front-matter key 'colour'"], TestSite.Lines(result));
        Assert.True(result.Succeeded, "a warning does not fail the build");
        Assert.False(site.Build(strict: true).Succeeded, "--strict turns warnings into errors");
    }

    [Fact]
    public void WrongTypeIsReportedAtTheValue()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\nweight: heavy\ndraft: maybe\n---\nBody\n");
        Assert.Equal([
            "pages/a.md:3:9: error SB0104: 'weight' must be an integer",
            "pages/a.md:4:8: error SB0104: 'draft' must be true or false",
        ], lines);
    }

    [Fact]
    public void UnknownLayoutPointsAtTheLayoutValue()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\nlayout: fancy\n---\nBody\n");
        var error = Assert.Single(lines);
        Assert.StartsWith("pages/a.md:3:9: error SB0108: unknown layout 'fancy'; (built-in theme)/ has: ", error);
        Assert.Contains("page", error);
    }

    [Fact]
    public void DuplicateUrlNamesTheOtherFile()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n---\n-- pages/a/index.md --\n---\ntitle: A again\n---\n");
        Assert.Equal(["pages/a/index.md:1:1: error SB0107: URL '/a/' is already produced by pages/a.md; rename one of the two"], lines);
    }

    [Fact]
    public void NonUtf8FileIsReportedAtTheBadByte()
    {
        using var site = TestSite.Create(Home);
        // "title: Caf" + 0xE9 (Latin-1 é) on line 2, column 11.
        var bytes = "---\ntitle: Caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\n---\nBody\n"u8.ToArray()).ToArray();
        site.WriteBytes("pages/latin1.md", bytes);
        Assert.Equal(["pages/latin1.md:2:11: error SB0101: file is not valid UTF-8 (byte 0xE9 at offset 14); save it as UTF-8"],
            TestSite.Lines(site.Build()));
    }

    [Fact]
    public void BrokenLinkIsReportedAtItsOpeningBracket()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n---\nSee the [home](index.md) and\nthen **[setup](setup.md)**.\n-- pages/install.md --\n---\ntitle: Install\n---\n");
        Assert.Equal(["pages/a.md:5:8: error SB1001: link target 'setup.md' not found"], lines);
    }

    [Fact]
    public void BrokenLinkSuggestsTheClosestPage()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n---\n[x](instal.md)\n-- pages/install.md --\n---\ntitle: Install\n---\n");
        Assert.Equal(["pages/a.md:4:1: error SB1001: link target 'instal.md' not found; did you mean 'install.md'?"], lines);
    }

    [Fact]
    public void BrokenFragmentIsReportedAtTheLinkWithASuggestion()
    {
        var lines = Build(Home + "-- pages/a.md --\n---\ntitle: A\n---\n## Getting started\n\nJump [down](#getting-startd).\n");
        Assert.Equal(["pages/a.md:6:6: error SB1002: '#getting-startd' is not a heading or anchor in this page; did you mean '#getting-started'?"], lines);
    }

    [Fact]
    public void LayoutCompileErrorIsReportedInTheLayoutNamingThePage()
    {
        var lines = Build(Home + """
            -- pages/b.md --
            ---
            title: B
            ---
            -- pages/a.md --
            ---
            title: A
            ---
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            <p>@Model.NoSuchProperty</p>
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            """);
        var error = Assert.Single(lines);
        Assert.StartsWith("layouts/page.cshtml:3:11: error SB0301: ", error);
        Assert.Contains("NoSuchProperty", error);
        Assert.Contains("(rendering pages/a.md)", error);
    }

    [Fact]
    public void ACompileErrorInOneLayoutIsReportedAtItsOwnFileAndTheOthersStillRender()
    {
        // All layouts compile in one compilation: an error in one is still reported at its own file, once.
        using var site = TestSite.Create(Home + """
            -- pages/a.md --
            ---
            title: A
            ---
            -- pages/b.md --
            ---
            title: B
            layout: broken
            ---
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>Page @Model.Title</h1>
            -- layouts/broken.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>

            <p>Fine so far, then @Model.Site.Nope here.</p>
            """);
        var error = Assert.Single(TestSite.Lines(site.Build()));
        Assert.StartsWith("layouts/broken.cshtml:4:34: error SB0301: 'SiteModel' does not contain a definition for 'Nope'", error);
        Assert.EndsWith("(rendering pages/b.md)", error);
    }

    [Fact]
    public void AnErrorInAPartialIsReportedOnceAtThePartialNamingTheFirstPage()
    {
        using var site = TestSite.Create(Home + """
            -- pages/b.md --
            ---
            title: B
            ---
            -- pages/a.md --
            ---
            title: A
            ---
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            @{ await IncludeAsync("_Part", Model); }
            -- layouts/_Part.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>@Model.Labels.Count labels</p>
            <p>@Model.Labels.Nope</p>
            """);
        var error = Assert.Single(TestSite.Lines(site.Build()));
        Assert.StartsWith("layouts/_Part.cshtml:3:18: error SB0301: 'IReadOnlyList<string>' does not contain a definition for 'Nope'", error);
        Assert.EndsWith("(rendering pages/a.md)", error);
    }

    [Fact]
    public void ARazorSyntaxErrorIsReportedAtItsLineAndColumn()
    {
        using var site = TestSite.Create(Home + """
            -- pages/a.md --
            ---
            title: A
            ---
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            @if (Model.Title.Length > 0) {
            <p>no closing brace</p>
            """);
        var error = Assert.Single(TestSite.Lines(site.Build()));
        Assert.StartsWith("layouts/page.cshtml:3:2: error SB0301: The if block is missing a closing \"}\" character.", error);
        Assert.EndsWith("(rendering pages/a.md)", error);
    }

    [Fact]
    public void SchemaViolationsPointAtTheOffendingValue()
    {
        var lines = Build(Home + """
            -- site.yml --
            title: T
            sections:
              dimis:
                layout: page
                schema:
                  exempt: [about]
                  fields:
                    countries: { type: list, required: true, format: iso3166-alpha3, extra_values: [WORLD] }
                    status: { type: string, required: true, values: [research, pilot] }
                    year: { type: int, required: true, min: 1990, max: 2030 }
                    organisations: { type: list, required: true }
            -- pages/dimis/index.md --
            ---
            title: DIMiS
            ---
            -- pages/dimis/about.md --
            ---
            title: About (exempt, needs no fields)
            ---
            -- pages/dimis/entry.md --
            ---
            title: Entry
            countries: [EST, fin, XYZ, WORLD]
            status: finished
            year: 1850
            ---
            """);
        Assert.Equal([
            "pages/dimis/entry.md:1:1: error SB0201: 'dimis' entries need 'organisations'",
            "pages/dimis/entry.md:3:18: error SB0203: 'fin' is not an ISO 3166-1 alpha-3 country code (or WORLD); did you mean 'FIN'?",
            "pages/dimis/entry.md:3:23: error SB0203: 'XYZ' is not an ISO 3166-1 alpha-3 country code (or WORLD)",
            "pages/dimis/entry.md:4:9: error SB0202: 'finished' is not allowed for 'status'; use one of: research, pilot",
            "pages/dimis/entry.md:5:7: error SB0204: 'year' is 1850, outside 1990–2030",
        ], lines);
    }

    [Fact]
    public void MalformedSiteConfigIsAConfigurationError()
    {
        var lines = Build(Home + "-- site.yml --\ntitle: T\nbase_url: [oops\n");
        var error = Assert.Single(lines);
        Assert.StartsWith("site.yml:", error);
        Assert.Contains("error SB0001: invalid YAML", error);
    }

    [Fact]
    public void UnknownSiteConfigKeyIsAWarningAtTheKey()
    {
        var lines = Build(Home + "-- site.yml --\ntitle: T\nthemes: dark\n");
        Assert.Equal(["site.yml:2:1: warning SB0003: unknown key 'themes' in site.yml"], lines);
    }

    [Fact]
    public void InvalidSchemaDefinitionPointsAtTheValue()
    {
        var lines = Build(Home + """
            -- site.yml --
            title: T
            sections:
              dimis:
                schema:
                  fields:
                    year: { type: number }
                    countries: { type: list, format: iso3166 }
            """);
        Assert.Equal([
            "site.yml:6:23: error SB0205: unknown field type 'number' (string, list, int, bool, date)",
            "site.yml:7:42: error SB0205: unknown format 'iso3166' (known: iso3166-alpha3)",
        ], lines);
    }

    [Fact]
    public void LayoutThatThrowsIsReportedAtTheLayoutNamingThePage()
    {
        var lines = Build(Home + """
            -- pages/a.md --
            ---
            title: A
            ---
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>@Model.Breadcrumbs[99].Title</p>
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            """);
        var error = Assert.Single(lines, l => l.Contains("pages/a.md", StringComparison.Ordinal));
        Assert.StartsWith("layouts/page.cshtml:2: error SB0302: layout 'page' failed while rendering pages/a.md: ArgumentOutOfRangeException: ", error);
    }

    [Fact]
    public void LayoutThatThrowsInAPartialIsReportedAtThePartialsLine()
    {
        var lines = Build(Home + """
            -- pages/a.md --
            ---
            title: A
            ---
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            @{ await IncludeAsync("_Part", Model); }
            -- layouts/_Part.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>@Model.Title</p>
            <p>@Model.Title.Substring(99)</p>
            -- layouts/home.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Title</h1>
            """);
        var error = Assert.Single(lines, l => l.Contains("pages/a.md", StringComparison.Ordinal));
        Assert.StartsWith("layouts/_Part.cshtml:3: error SB0302: layout 'page' failed while rendering pages/a.md: ArgumentOutOfRangeException: ", error);
    }

    [Fact]
    public void UnwritableOutputIsAnErrorAndNotAStackTrace()
    {
        using var site = TestSite.Create(Home + "-- blocker --\nnot a folder\n");
        // The output's parent is a file, so the output folder cannot be created.
        var result = site.Build(Path.Combine(site.Root, "blocker", "out"));
        Assert.False(result.Succeeded);
        var error = Assert.Single(TestSite.Lines(result));
        Assert.StartsWith($"{Path.Combine(site.Root, "blocker", "out")}: error SB0401: could not write the site: ", error);
        Assert.EndsWith("; the previous output was kept", error);
    }
}
