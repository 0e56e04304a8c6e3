using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// The pages of the real site the theme is checked on: every kind of page the build writes (home, section homes,
/// pages, DIMiS entries, generated index and label pages, the search page, the 404 page, redirect stubs), the pages
/// with the theme's harder parts (the entry table, Markdown tables, callouts, a long table of contents), and the
/// states a reader puts them in. The search box's states are here too: the dropdown open with results (one highlighted)
/// and with none, and the search page with <c>?q=</c> results; every check of the theme runs on them.
/// </summary>
public static class ReaderPages
{
    /// <summary>Every page and state, by name.</summary>
    public static readonly IReadOnlyList<ReaderPage> All =
    [
        new("home", "", "kind-home"),
        new("section-migration", "migration/", "kind-section"),
        new("section-dimis", "dimis/", "kind-section"),
        new("section-covid", "covid-19/", "kind-section"),
        new("section-mhsm", "mhsm/", "kind-section"),
        new("page-dimis-about", "dimis/about/", "kind-page"),
        new("page-tables", "migration/publications/measuring-international-labour-mobility/", "kind-page"),
        new("page-covid-callouts", "covid-19/cross-cutting-and-managerial-issues/", "kind-page"),
        new("page-deep", "migration/steering-group/terms-of-reference-2022-2027/", "kind-page"),
        new("entry-estonia", "dimis/estonia-residency-index/", "kind-entry"),
        new("entry-kyivstar", "dimis/ukraine-kyivstar-displacement-flows/", "kind-entry"),
        new("index-by-country", "dimis/by-country/", "kind-generated"),
        new("labels", "labels/", "kind-generated"),
        new("label-dimis", "labels/dimis/", "kind-generated"),
        new("search", "search/", "kind-generated"),
        new("not-found", "404.html", "kind-generated"),
        new("redirect", "display/DIMiS/DIMiS+Home/", "redirect") { Stays = true },
        new("redirect-page-id", "pages/viewpage.action/", "redirect"),
        // States.
        new("menu-open", "dimis/about/", "kind-page") { OnlyOn = Viewport.Phone390, Prepare = tab => tab.ClickAsync(".site-nav summary") },
        new("tree-and-toc-open", "dimis/by-country/", "kind-generated")
        {
            OnlyOn = Viewport.Phone390,
            Prepare = async tab => { await tab.ClickAsync(".sidebar summary"); await tab.ClickAsync(".toc summary"); },
        },
        new("dimis-filtered", "dimis/", "kind-section")
        {
            Prepare = async tab =>
            {
                await tab.FillAsync("input[data-filter=text]", "facebook");
                await tab.ClickAsync("th[data-column=year] button.sort");
            },
        },
        // The search box's dropdown open with results, the second one highlighted; with no result; the search page's results.
        new("search-open", "dimis/about/", "kind-page")
        {
            Prepare = async tab =>
            {
                await Search.SearchCombobox.TypeAsync(tab, "remittances");
                await tab.Keyboard.PressAsync("ArrowDown");
                await tab.Keyboard.PressAsync("ArrowDown");
                var state = await Search.SearchCombobox.ReadAsync(tab);
                Assert.True(state is { Expanded: "true", ActiveDescendant: "search-result-1", PanelVisible: true }, $"search-open: {state}");
            },
        },
        new("search-closed", "dimis/about/", "kind-page")
        {
            Prepare = async tab =>
            {
                await Search.SearchCombobox.TypeAsync(tab, "remittances");
                await tab.Keyboard.PressAsync("Escape");
                var state = await Search.SearchCombobox.ReadAsync(tab);
                Assert.True(state is { Expanded: "false", PanelVisible: false, Value: "remittances" }, $"search-closed: {state}");
            },
        },
        new("search-no-results", "", "kind-home")
        {
            Prepare = async tab =>
            {
                await Search.SearchCombobox.TypeAsync(tab, "zqxjv");
                var state = await Search.SearchCombobox.ReadAsync(tab);
                Assert.True(state is { Options: 0, PanelVisible: true, Status: "No results" }, $"search-no-results: {state}");
            },
        },
        new("search-page-results", "search/", "kind-generated")
        {
            Prepare = async tab =>
            {
                await tab.GotoAsync(tab.Url + "?q=remittances");
                await tab.Locator("#search-page-results li").First.WaitForAsync(new() { Timeout = 30_000 });
            },
        },
    ];

    /// <summary>A page or state by its name.</summary>
    public static ReaderPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The colour schemes a reader's system may ask for.</summary>
    public static readonly IReadOnlyDictionary<string, ColorScheme> Schemes =
        new Dictionary<string, ColorScheme> { ["light"] = ColorScheme.Light, ["dark"] = ColorScheme.Dark };

    /// <summary>(page, viewport, scheme) for every page and state on every screen it exists on, in both schemes.</summary>
    public static TheoryData<string, string, string> EveryScreenAndScheme(IEnumerable<ReaderPage>? pages = null)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var page in pages ?? All)
            foreach (var viewport in Viewport.All.Values.Where(v => page.OnlyOn is null || page.OnlyOn == v))
                foreach (string scheme in Schemes.Keys)
                    data.Add(page.Name, viewport.Name, scheme);
        return data;
    }
}
