using Microsoft.Playwright;
using SiteBuilder.Build;
using SiteBuilder.Content;
using SiteBuilder.Layouts;

namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>
/// The DIMiS entry table in real Chromium: the repository's site is built, served from 127.0.0.1, and
/// the filters and sort buttons that dimis-table.js adds are used like a reader would.
/// </summary>
public sealed class DimisTableBrowserTests(DimisSite site) : IClassFixture<DimisSite>
{

    private List<Page> Entries => site.Context.Pages.Where(p => p.Section == "dimis" && p.Kind == PageKind.Entry).ToList();

    private async Task<IPage> OpenDimisAsync()
    {
        var page = await site.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.Server.BaseUrl + "dimis/");
        await page.WaitForSelectorAsync("table[data-entry-table] th button.sort");
        Assert.Empty(errors);
        return page;
    }

    private static Task<int> VisibleRowsAsync(IPage page) =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('table[data-entry-table] tbody tr')].filter(r => !r.hidden && r.offsetParent !== null).length");

    [Fact]
    public async Task The_text_box_and_the_column_selects_filter_the_rows()
    {
        var page = await OpenDimisAsync();
        Assert.Equal(Entries.Count, await VisibleRowsAsync(page));
        Assert.Equal($"Showing {Entries.Count} of {Entries.Count} entries.", await page.TextContentAsync(".table-status"));

        await page.FillAsync("input[data-filter=text]", "facebook");
        int facebook = Entries.Count(e => e.Title.Contains("Facebook", StringComparison.OrdinalIgnoreCase) ||
            FieldDisplay.RawValues(e, "organisations").Any(o => o.Contains("Facebook", StringComparison.OrdinalIgnoreCase)));
        Assert.InRange(facebook, 1, Entries.Count - 1);
        Assert.Equal(facebook, await VisibleRowsAsync(page));

        await page.FillAsync("input[data-filter=text]", "");
        await page.SelectOptionAsync("select[data-filter=data_source_type]", "Social media advertising");
        int social = Entries.Count(e => FieldDisplay.RawValues(e, "data_source_type").Contains("social-media-advertising"));
        Assert.InRange(social, 1, Entries.Count - 1);
        Assert.Equal(social, await VisibleRowsAsync(page));
        Assert.Equal($"Showing {social} of {Entries.Count} entries.", await page.TextContentAsync(".table-status"));

        // Two filters combine; "Clear filters" shows everything again.
        await page.SelectOptionAsync("select[data-filter=countries]", "USA");
        int both = Entries.Count(e => FieldDisplay.RawValues(e, "data_source_type").Contains("social-media-advertising") &&
                                      FieldDisplay.RawValues(e, "countries").Contains("USA"));
        Assert.Equal(both, await VisibleRowsAsync(page));
        await page.ClickAsync("text=Clear filters");
        Assert.Equal(Entries.Count, await VisibleRowsAsync(page));
    }

    [Fact]
    public async Task Header_buttons_sort_the_rows_and_set_aria_sort()
    {
        var page = await OpenDimisAsync();
        var year = page.Locator("th[data-column=year]");
        Assert.Equal("none", await year.GetAttributeAsync("aria-sort"));

        await year.Locator("button").ClickAsync();
        Assert.Equal("ascending", await year.GetAttributeAsync("aria-sort"));
        var years = await YearsAsync(page);
        Assert.Equal(years.Order().ToList(), years);
        Assert.Equal(Entries.Select(e => int.Parse(FieldDisplay.RawValues(e, "year")[0])).Order().ToList(), years);

        await year.Locator("button").ClickAsync();
        Assert.Equal("descending", await year.GetAttributeAsync("aria-sort"));
        years = await YearsAsync(page);
        Assert.Equal(years.OrderDescending().ToList(), years);
        Assert.Equal("none", await page.Locator("th[data-column=title]").GetAttributeAsync("aria-sort"));
    }

    private static async Task<List<int>> YearsAsync(IPage page) =>
        (await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('table[data-entry-table] tbody tr')].map(r => Number(r.cells[r.cells.length - 1].textContent.trim()))")).ToList();
}

/// <summary>The real site built once, served on 127.0.0.1, and a headless Chromium, shared by the browser tests.</summary>
public sealed class DimisSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The build's context (pages and their fields, to compute expected counts).</summary>
    public BuildContext Context { get; private set; } = null!;
    /// <summary>The server of the built site.</summary>
    public StaticFileServer Server { get; private set; } = null!;
    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var (result, context) = new SiteGenerator().Run(new BuildOptions { SourceDir = RepositoryCopy.Create() });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Context = context;
        Server = new StaticFileServer(result.OutputDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Server?.Dispose();
    }
}
