using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Scaffolding;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Scaffolding;

/// <summary>
/// The pages <c>sitebuilder new</c> starts: an entry of a section with a schema gets every field with a value the
/// schema accepts (the page builds clean, even strictly), an exempt page and a page of a section without a schema get
/// the plain template; the title survives YAML quoting.
/// </summary>
public sealed class PageTemplateTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private const string Site = """
        -- site.yml --
        title: Template test
        base_url: https://example.org/
        sections:
          dimis:
            title: DIMiS
            schema:
              exempt: [about]
              fields:
                countries: { type: list, required: true, format: iso3166-alpha3, extra_values: [WORLD] }
                organisations: { type: list, required: true }
                kind: { type: string, required: true, values: [nso, academia] }
                membership: { type: string, required: true, values: [verified, unverified] }
                official: { type: bool, required: true }
                year: { type: int, required: true, min: 1990, max: 2020 }
                reviewed: { type: date }
                note: { type: string }
        -- pages/index.md --
        ---
        title: Home
        ---
        Home.
        -- pages/dimis/index.md --
        ---
        title: DIMiS
        ---
        {{children}}
        -- pages/guide/index.md --
        ---
        title: Guide
        ---
        {{children}}
        """;

    [Fact]
    public void An_entry_gets_every_schema_field_with_an_accepted_value_and_builds_clean()
    {
        using var site = TestSite.Create(Site);
        var config = SiteConfigLoader.Load(site.Root, new DiagnosticBag());
        var (entry, isEntry) = PageTemplate.For("A \"quoted\" entry: with a colon", config.Section("dimis")!.Schema, "new-entry", Today);
        var (about, aboutIsEntry) = PageTemplate.For("About", config.Section("dimis")!.Schema, "about", Today);
        var (page, pageIsEntry) = PageTemplate.For("A guide page", config.Section("guide")?.Schema, "new-page", Today);
        Assert.Equal((true, false, false), (isEntry, aboutIsEntry, pageIsEntry));

        Assert.Contains("\ncountries: [WORLD]  # TODO", entry);
        Assert.Contains("\nkind: nso  # TODO: one of: nso, academia", entry);
        // An unconfirmed entry never claims to be verified; the year is clamped into the schema's range.
        Assert.Contains("\nmembership: unverified  #", entry);
        Assert.Contains("\nyear: 2020  # TODO: check", entry);
        Assert.Contains("\nreviewed: 2026-11-25  #", entry);
        Assert.Contains("\nofficial: false  #", entry);
        Assert.DoesNotContain("countries:", about);
        Assert.Equal(about.Replace("About", "A guide page"), page);

        site.Write($"-- pages/dimis/new-entry.md --\n{entry}-- pages/dimis/about.md --\n{about}-- pages/guide/new-page.md --\n{page}");
        var result = site.Build(strict: true);
        Assert.DoesNotContain(result.Diagnostics, d => d.FailsStrict);
        Assert.Contains("<h1>A &quot;quoted&quot; entry: with a colon</h1>", site.ReadOutput("dimis/new-entry/index.html"));
        Assert.Contains("TODO: this entry was created by", site.ReadOutput("dimis/new-entry/index.html"));
        Assert.Contains("TODO: this page was created by", site.ReadOutput("guide/new-page/index.html"));
    }
}
