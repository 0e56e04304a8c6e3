using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// The theme's layout as a reader meets it in real Chromium: on a 390 px phone (a short header, folded navigation
/// reached before the article, a full-width search box, the DIMiS table as cards, nothing wider than the screen) and
/// on a 1280 px desk (tabs, the page tree beside the article, a table of contents that stays in view, a home page
/// that uses the width). The folds are <c>&lt;details&gt;</c>, so everything also works with JavaScript off.
/// </summary>
[Collection(ThemeCollection.Name)]
public sealed class ResponsiveLayoutTests(ThemeSite site)
{
    private static readonly ReaderPage[] AsLoaded = ReaderPages.All.Where(p => p.Prepare is null).ToArray();

    public static TheoryData<string> Screens => new(Viewport.All.Keys);

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task No_page_of_the_site_is_wider_than_the_screen(string viewport)
    {
        await using var context = await site.NewContextAsync(Viewport.All[viewport], ColorScheme.Light);
        var tab = await context.NewPageAsync();
        // Stubs are measured where they are, not followed.
        string current = "";
        await ThemeSite.StayAsync(tab, () => current);
        var wide = new List<string>();
        var paths = site.HtmlPaths();
        foreach (string path in paths)
        {
            current = site.BaseUrl + path;
            await tab.GotoAsync(current);
            var size = await tab.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (size[0] > size[1]) wide.Add($"{path}: {size[0]} px wide in {size[1]} px");
        }
        Assert.True(paths.Count > 140, $"only {paths.Count} pages");
        Assert.True(wide.Count == 0, "pages that scroll sideways:\n  " + string.Join("\n  ", wide));
    }

    [Fact]
    public async Task On_a_phone_the_header_is_short_and_the_search_box_spans_it()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone390, ColorScheme.Light);
        foreach (var page in AsLoaded.Where(p => p.Kind != "redirect"))
        {
            var tab = await site.OpenAsync(context, page);
            var box = (await tab.Locator(".site-header").BoundingBoxAsync())!;
            Assert.True(box.Height <= 170, $"{page.Name}: the header is {box.Height} px tall at 390 px");
            var input = (await tab.Locator("#search-input").BoundingBoxAsync())!;
            Assert.True(input.Width >= 390 - 2 * 16 - 1, $"{page.Name}: the search box is {input.Width} px wide");
            Assert.True(input.Height >= 40, $"{page.Name}: the search box is {input.Height} px tall, too small to touch");
            string placeholder = (await tab.GetAttributeAsync("#search-input", "placeholder"))!;
            Assert.DoesNotContain("press", placeholder, StringComparison.OrdinalIgnoreCase);
            Assert.False(await tab.IsVisibleAsync(".search-key"), "the '/' key hint is for keyboards, not touch screens");
            // The sections are behind the menu button, folded.
            Assert.True(await tab.IsVisibleAsync(".site-nav summary"));
            Assert.False(await tab.IsVisibleAsync(".site-nav li a"));
            await tab.CloseAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_phone_the_menu_and_the_page_tree_are_disclosure_buttons_before_the_article(bool javaScript)
    {
        await using var context = await site.NewContextAsync(Viewport.Phone390, ColorScheme.Light, javaScript);
        var tab = await site.OpenAsync(context, ReaderPages.Named("page-dimis-about"));
        var tree = (await tab.Locator("nav.sidebar").BoundingBoxAsync())!;
        var article = (await tab.Locator("main").BoundingBoxAsync())!;
        Assert.True(tree.Y + tree.Height <= article.Y, $"the page tree (y {tree.Y}) comes before the article (y {article.Y})");
        Assert.True(tree.Y < 844 / 2, $"the page tree's button is at y {tree.Y}, not in the first half of the screen");
        foreach (var (button, links) in new[] { (".site-nav summary", ".site-nav li a"), (".sidebar summary", ".page-tree a") })
        {
            Assert.Equal(("DisclosureTriangle", false), await Disclosure.StateAsync(context, tab, button));
            Assert.False(await tab.Locator(links).First.IsVisibleAsync(), $"{links} show before {button} is pressed");
            await tab.TapAsync(button);
            Assert.Equal(("DisclosureTriangle", true), await Disclosure.StateAsync(context, tab, button));
            Assert.True(await tab.Locator(links).First.IsVisibleAsync(), $"{links} stay hidden after {button} is pressed");
            var target = (await tab.Locator(links).First.BoundingBoxAsync())!;
            Assert.True(target.Height >= 24, $"{links}: {target.Height} px tall, small to touch");
            await tab.TapAsync(button);
        }
        // The article is the same with and without JavaScript.
        Assert.Equal("About DIMiS and its fields", await tab.InnerTextAsync("main h1"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_desk_the_sections_page_tree_and_contents_show_without_a_button(bool javaScript)
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light, javaScript);
        var tab = await site.OpenAsync(context, ReaderPages.Named("page-dimis-about"));
        Assert.Equal(0, await tab.Locator("summary:visible").CountAsync());
        foreach (string links in new[] { ".site-nav li a", ".page-tree a", ".toc a" })
            Assert.True(await tab.Locator(links).First.IsVisibleAsync(), $"{links} hidden on a desk");
        // One row of tabs beside the search box, under the title: a header of under 100 px.
        var header = (await tab.Locator(".site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 100, $"the header is {header.Height} px tall");
        var tabs = await tab.Locator(".site-nav li a").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.Single(tabs.Distinct());
        var search = (await tab.Locator("#search-input").BoundingBoxAsync())!;
        Assert.InRange(search.Y, tabs[0] - 20, tabs[0] + 20);
        if (javaScript)
        {
            // Open where they show, so the accessibility tree agrees with the screen (site.js).
            Assert.Equal(3, await tab.Locator("details.fold[open]").CountAsync());
            Assert.True(await tab.IsVisibleAsync(".search-key"), "the '/' key hint shows for a mouse and keyboard");
        }
        var tree = (await tab.Locator("nav.sidebar").BoundingBoxAsync())!;
        var text = (await tab.Locator(".page-text").BoundingBoxAsync())!;
        Assert.True(tree.X + tree.Width < text.X, "the page tree is a column left of the text");
    }

    [Fact]
    public async Task On_a_desk_the_table_of_contents_stays_in_view_while_reading()
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light);
        var tab = await site.OpenAsync(context, ReaderPages.Named("index-by-country"));
        var toc = tab.Locator("nav.toc");
        var text = (await tab.Locator(".page-text").BoundingBoxAsync())!;
        var before = (await toc.BoundingBoxAsync())!;
        Assert.True(before.X > text.X + text.Width, "the table of contents is a column right of the text");
        foreach (double fraction in new[] { 0.5, 0.9 })
        {
            await tab.EvaluateAsync("f => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f)", fraction);
            var box = await toc.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }");
            Assert.True(box[0] >= 0 && box[0] < 100 && box[1] <= 800, $"scrolled {fraction:P0}: the table of contents is at {box[0]}..{box[1]}");
        }
        // The sidebar stays too.
        var tree = await tab.Locator("nav.sidebar").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.InRange(tree, 0, 100);
    }

    [Fact]
    public async Task On_a_desk_the_home_page_uses_the_width_with_a_card_per_section()
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light);
        var tab = await site.OpenAsync(context, ReaderPages.Named("home"));
        var cards = tab.Locator(".cards .card");
        int sections = await tab.Locator(".site-nav li").CountAsync();
        Assert.Equal(sections, await cards.CountAsync());
        for (int i = 0; i < sections; i++)
        {
            var card = cards.Nth(i);
            string count = await card.Locator(".count").InnerTextAsync();
            Assert.Matches(@"^\d+ pages?$", count);
            Assert.False(string.IsNullOrWhiteSpace(await card.Locator("p:not(.count)").InnerTextAsync()), $"card {i} has no description");
        }
        Assert.Equal("32 pages", await cards.First.Locator(".count").InnerTextAsync());
        var column = (await tab.Locator(".cards").BoundingBoxAsync())!;
        var text = (await tab.Locator(".page-text").BoundingBoxAsync())!;
        Assert.True(column.X + column.Width < text.X, "the cards are a column beside the text");
        Assert.True(text.X + text.Width - column.X > 1000, $"the home page's body is {text.X + text.Width - column.X} px wide on a 1280 px screen");
        // The whole card is the link's target.
        await cards.Nth(1).ClickAsync(new LocatorClickOptions { Position = new Position { X = 10, Y = 80 } });
        await tab.WaitForURLAsync("**/dimis/");
    }

    [Fact]
    public async Task On_a_phone_the_DIMiS_table_is_a_stack_of_cards()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone390, ColorScheme.Light);
        var tab = await site.OpenAsync(context, ReaderPages.Named("section-dimis"));
        var scroller = await tab.Locator(".entry-table-scroll").EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(scroller[0] <= scroller[1], $"the table scrolls sideways: {scroller[0]} px in {scroller[1]} px");
        var rows = tab.Locator("table[data-entry-table] tbody tr");
        int count = await rows.CountAsync();
        Assert.True(count >= 10);
        var widths = await rows.EvaluateAllAsync<double[]>("rs => rs.map(r => r.getBoundingClientRect().width)");
        Assert.All(widths, w => Assert.InRange(w, 390 - 2 * 16 - 1, 390 - 2 * 16 + 1));
        // The title heads its card in a few lines; each value is labelled with its column.
        var titleHeights = await rows.EvaluateAllAsync<double[]>("rs => rs.map(r => r.cells[0].getBoundingClientRect().height)");
        Assert.All(titleHeights, h => Assert.True(h < 4 * 26, $"a title takes {h} px"));
        var labels = await rows.First.Locator("td").EvaluateAllAsync<string[]>("tds => tds.map(td => getComputedStyle(td, '::before').content)");
        var headers = await tab.Locator("table[data-entry-table] thead th").EvaluateAllAsync<string[]>("ths => ths.slice(1).map(th => th.textContent.replace(/[▲▼↕]/g, '').trim())");
        Assert.Equal(headers.Select(h => $"\"{h}: \" / \"\""), labels);
        // Sorting still works, from the row of buttons above the cards.
        await tab.TapAsync("th[data-column=year] button.sort");
        var years = await rows.EvaluateAllAsync<int[]>("rs => rs.map(r => Number(r.cells[r.cells.length - 1].textContent))");
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public async Task Every_page_but_search_reads_the_same_without_JavaScript()
    {
        await using var on = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light);
        await using var off = await site.NewContextAsync(Viewport.Desk, ColorScheme.Light, javaScript: false);
        foreach (var page in AsLoaded.Where(p => p.Kind != "redirect" && p.Name != "search"))
        {
            var with = await site.OpenAsync(on, page);
            var without = await site.OpenAsync(off, page);
            // What the scripts add (the entry table's filters and sort buttons) aside, the text is the same.
            const string text = "() => [...document.querySelectorAll('main h1, main .content, main .page-meta, main .sources, main tbody')].map(e => e.innerText).join('\\n')";
            string expected = await with.EvaluateAsync<string>(text);
            Assert.True(expected.Length > 100, page.Name);
            Assert.Equal(expected, await without.EvaluateAsync<string>(text));
            await with.CloseAsync();
            await without.CloseAsync();
        }
    }

    [Fact]
    public async Task Print_shows_the_address_of_each_external_link_and_keeps_the_sources()
    {
        await using var context = await site.NewContextAsync(Viewport.Desk, ColorScheme.Dark);
        var tab = await site.OpenAsync(context, ReaderPages.Named("entry-estonia"));
        await tab.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (string hidden in new[] { ".site-header", "nav.sidebar", "nav.toc", ".site-footer" })
            Assert.False(await tab.IsVisibleAsync(hidden), $"{hidden} is printed");
        Assert.True(await tab.IsVisibleAsync("section.sources"));
        var external = await tab.Locator("main a[href^='http']").EvaluateAllAsync<string[][]>(
            "as => as.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])");
        Assert.NotEmpty(external);
        Assert.All(external, a => Assert.Equal($"\" <{a[0]}>\"", a[1]));
        var sources = await tab.Locator("section.sources a[href^='http']").CountAsync();
        Assert.True(sources > 0, "the entry's sources are external links");
        // Paper is white with black text, whatever the screen's scheme.
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(0, 0, 0)", await tab.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
        string pdf = Path.Combine(ThemeArtifacts.Folder, "print-entry-estonia.pdf");
        await tab.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4" });
        Assert.True(new FileInfo(pdf).Length > 10_000);
    }
}
