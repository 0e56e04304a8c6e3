using Microsoft.Playwright;
using SiteBuilder.IntegrationTests.Theme;
using static SiteBuilder.IntegrationTests.Search.SearchCombobox;

namespace SiteBuilder.IntegrationTests.Search;

/// <summary>
/// The header search box follows the WAI-ARIA APG combobox pattern with list autocomplete, in real Chromium over HTTP
/// and from disk, at a desk's and a phone's width: the attributes, the highlight and the focus after each key, the
/// live region's count, and the mouse. axe-core checks the open and closed dropdown in <see cref="AccessibilityTests"/>
/// (the <c>search-…</c> states of <see cref="ReaderPages"/>).
/// </summary>
[Collection(ThemeCollection.Name)]
public sealed class SearchComboboxTests(ThemeSite site)
{
    // Pages of the real site that "displacement" finds: a short list, every result shown.
    private const string Few = "displacement";
    private const int FewCount = 4;

    public static TheoryData<string, string> Screens => new()
    {
        { "desk", "http" }, { "phone", "http" }, { "desk", "disk" }, { "phone", "disk" },
    };

    private string Url(string origin, string path) =>
        origin == "http" ? site.BaseUrl + path : new Uri(Path.Combine(site.Output, path, "index.html")).AbsoluteUri;

    private async Task<IPage> OpenAsync(IBrowserContext context, string origin, string path = "dimis/about/")
    {
        var tab = await context.NewPageAsync();
        var errors = new List<string>();
        tab.PageError += (_, e) => errors.Add(e);
        await tab.GotoAsync(Url(origin, path));
        Assert.Empty(errors);
        return tab;
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_keys_move_the_highlight_round_the_list_and_Escape_closes_then_clears(string viewport, string origin)
    {
        await using var context = await site.NewContextAsync(Viewport.All[viewport], ColorScheme.Light);
        var tab = await OpenAsync(context, origin);
        var before = await ReadAsync(tab);
        Assert.Equal(new State("false", null, "", 0, false, "", "", "", ""), before);
        // The markup is the pattern's before any script runs a query.
        Assert.Equal("combobox", await tab.GetAttributeAsync("#search-input", "role"));
        Assert.Equal("list", await tab.GetAttributeAsync("#search-input", "aria-autocomplete"));
        Assert.Equal("search-results", await tab.GetAttributeAsync("#search-input", "aria-controls"));
        Assert.Equal("listbox", await tab.GetAttributeAsync("#search-results", "role"));
        Assert.Equal("status", await tab.GetAttributeAsync("#search-status", "role"));

        await TypeAsync(tab, Few);
        var opened = await ReadAsync(tab);
        Assert.Equal(new State("true", null, "", FewCount, true, "", $"{FewCount} results", Few, "search-input"), (opened));
        string[] hrefs = await HrefsAsync(tab);
        Assert.Equal(FewCount, hrefs.Length);
        if (origin == "disk") Assert.All(hrefs, h => Assert.EndsWith("/index.html", h));
        // Options are the result links, out of the tab order; none holds another link or control.
        Assert.Equal(0, await tab.Locator("#search-results [role=option] a, #search-results [role=option] button, #search-results [role=option] input").CountAsync());
        Assert.All(await tab.Locator("#search-results [role=option]").EvaluateAllAsync<string[]>("els => els.map(e => e.tabIndex + e.tagName)"),
            t => Assert.Equal("-1A", t));

        async Task Press(string key, string? active, string expanded = "true", bool visible = true, string value = Few)
        {
            await tab.Keyboard.PressAsync(key);
            var s = await ReadAsync(tab);
            Assert.True(s.Expanded == expanded && s.ActiveDescendant == active && s.PanelVisible == visible && s.Value == value
                        && s.Focused == "search-input" && s.Selected == (active ?? ""),
                $"after {key}: expected expanded={expanded} active={active} visible={visible} value='{value}', got {s}");
        }

        await Press("ArrowDown", "search-result-0");
        await Press("ArrowDown", "search-result-1");
        await Press("ArrowDown", "search-result-2");
        await Press("ArrowDown", "search-result-3");
        await Press("ArrowDown", "search-result-0"); // round the end
        await Press("ArrowUp", $"search-result-{FewCount - 1}"); // and back
        await Press("ArrowUp", $"search-result-{FewCount - 2}");
        await Press("ArrowLeft", null); // the editing cursor moves: the highlight goes back to the box
        await Press("ArrowUp", $"search-result-{FewCount - 1}"); // from no highlight, Up starts at the last
        await Press("Escape", null, expanded: "false", visible: false); // first Escape closes, the text stays
        await Press("ArrowDown", "search-result-0"); // Down opens the list again, on the first option
        await Press("Escape", null, expanded: "false", visible: false);
        await Press("Escape", null, expanded: "false", visible: false, value: ""); // the second clears
        Assert.Equal("", (await ReadAsync(tab)).Status);

        // Enter follows the highlighted option.
        await TypeAsync(tab, Few);
        hrefs = await HrefsAsync(tab);
        await Press("ArrowDown", "search-result-0");
        await Press("ArrowDown", "search-result-1");
        Assert.Equal(hrefs[1], await NavigationAsync(tab, () => tab.Keyboard.PressAsync("Enter")));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task No_result_is_said_in_the_panel_and_the_live_region_and_the_list_stays_collapsed(string viewport, string origin)
    {
        await using var context = await site.NewContextAsync(Viewport.All[viewport], ColorScheme.Dark);
        var tab = await OpenAsync(context, origin);
        await TypeAsync(tab, "zqxjv");
        Assert.Equal(new State("false", null, "", 0, true, "No results for “zqxjv”", "No results", "zqxjv", "search-input"), (await ReadAsync(tab)));
        await tab.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(new State("false", null, "", 0, true, "No results for “zqxjv”", "No results", "zqxjv", "search-input"), (await ReadAsync(tab)));
        await tab.Keyboard.PressAsync("Escape");
        Assert.False((await ReadAsync(tab)).PanelVisible);
        await tab.Keyboard.PressAsync("Escape");
        Assert.Equal(new State("false", null, "", 0, false, "", "", "", "search-input"), (await ReadAsync(tab)));
    }

    [Fact]
    public async Task The_live_region_counts_a_cut_list_and_a_single_result()
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light);
        var tab = await OpenAsync(context, "http");
        await TypeAsync(tab, "remittances");
        var many = await ReadAsync(tab);
        Assert.Equal(10, many.Options);
        Assert.Matches(@"^(\d+ results, first 10 shown|At least 10 results, first 10 shown)$", many.Status);
        if (many.Status[0] != 'A') Assert.True(int.Parse(many.Status.Split(' ')[0]) > 10, many.Status);
        // Typing more replaces the list and its count, and drops the highlight.
        await tab.Keyboard.PressAsync("ArrowDown");
        await tab.FillAsync("#search-input", "");
        // An empty box clears the list and the live region.
        await tab.WaitForFunctionAsync("() => document.getElementById('search-status').textContent === ''");
        Assert.Equal(new State("false", null, "", 0, false, "", "", "", "search-input"), await ReadAsync(tab));
        await TypeAsync(tab, "cdr");
        Assert.Equal(new State("true", null, "", 1, true, "", "1 result", "cdr", "search-input"), await ReadAsync(tab));
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("phone")]
    public async Task A_click_outside_closes_the_list_a_click_in_the_box_opens_it_and_a_click_on_an_option_follows_it(string viewport)
    {
        var screen = Viewport.All[viewport];
        await using var context = await site.NewContextAsync(screen, ColorScheme.Light);
        var tab = await OpenAsync(context, "http");
        await TypeAsync(tab, Few);
        // The panel fits the screen (a phone's included) and lies under the box.
        var panel = (await tab.Locator(".search-panel").BoundingBoxAsync())!;
        var input = (await tab.Locator("#search-input").BoundingBoxAsync())!;
        Assert.True(panel.X >= 0 && panel.X + panel.Width <= screen.Width, $"the panel spans {panel.X}..{panel.X + panel.Width} of {screen.Width} px");
        Assert.True(panel.Y >= input.Y + input.Height, "the panel is under the box");
        if (screen.Phone) Assert.True(panel.Width >= input.Width - 1, $"the panel is {panel.Width} px wide, the box {input.Width}");

        // Below the panel, at the screen's foot.
        if (screen.Phone) await tab.Touchscreen.TapAsync(10, screen.Height - 10);
        else await tab.Mouse.ClickAsync(10, screen.Height - 10);
        var closed = await ReadAsync(tab);
        Assert.True(closed is { Expanded: "false", PanelVisible: false, ActiveDescendant: null, Value: Few }, closed.ToString());
        await Tap(tab, screen, "#search-input");
        Assert.True(await ReadAsync(tab) is { Expanded: "true", PanelVisible: true }, "a click in the box shows its results again");

        string[] hrefs = await HrefsAsync(tab);
        Assert.Equal(hrefs[2], await NavigationAsync(tab, () => Tap(tab, screen, "#search-result-2")));
    }

    [Fact]
    public async Task The_search_page_announces_its_count()
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light);
        foreach (var (q, expected) in new[] { (Few, $"{FewCount} results for “{Few}”"), ("zqxjv", "No results for “zqxjv”") })
        {
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(site.BaseUrl + "search/?q=" + q);
            await tab.WaitForFunctionAsync("() => document.getElementById('search-page-status').textContent !== ''", null,
                new PageWaitForFunctionOptions { Timeout = 30_000 });
            Assert.Equal("status", await tab.GetAttributeAsync("#search-page-status", "role"));
            Assert.Equal(expected, await tab.TextContentAsync("#search-page-status"));
            Assert.Equal(q == Few ? FewCount : 0, await tab.Locator("#search-page-results li a").CountAsync());
            // The header box holds the query, closed.
            Assert.True(await ReadAsync(tab) is { Value: var v, PanelVisible: false, Expanded: "false" } && v == q);
            await tab.CloseAsync();
        }
    }

    private static Task Tap(IPage tab, Viewport screen, string selector) =>
        screen.Phone ? tab.TapAsync(selector) : tab.ClickAsync(selector);

    // The URL the tab commits to after `act` (listening first: a fast navigation is not missed).
    private static async Task<string> NavigationAsync(IPage tab, Func<Task> act)
    {
        string start = tab.Url;
        var navigated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        tab.FrameNavigated += (_, frame) => { if (frame == tab.MainFrame && frame.Url != start) navigated.TrySetResult(frame.Url); };
        await act();
        return await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
