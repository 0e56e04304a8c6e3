using Microsoft.Playwright;
using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Search;

/// <summary>What a reader sees when searching the real site, in real Chromium, over HTTP and from disk.</summary>
public sealed class SearchBoxTests : IClassFixture<Chromium>, IClassFixture<BuiltSite>
{
    private readonly Chromium _chromium;
    private readonly BuiltSite _site;

    public SearchBoxTests(Chromium chromium, BuiltSite site)
    {
        _chromium = chromium;
        _site = site;
    }

    [Fact]
    public async Task TypingRemittancesListsTheHarmonizedModuleAndEnterOpensTheFirstResult_OverHttp()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Output);
        await SearchAndOpen(server.BaseUrl + "migration/", expectDiskUrls: false);
    }

    [Fact]
    public async Task TypingRemittancesListsTheHarmonizedModuleAndEnterOpensTheFirstResult_FromDisk()
    {
        await SearchAndOpen(new Uri(Path.Combine(_site.Output, "migration", "index.html")).AbsoluteUri, expectDiskUrls: true);
    }

    [Fact]
    public async Task TheSearchPageReadsItsQueryFromTheUrl()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Output);
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "search/index.html?q=remittances");
        var results = page.Locator("#search-page-results li a");
        await results.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var hrefs = await results.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Contains(hrefs, h => h.Contains("mhsm/"));
    }

    [Fact]
    public async Task TheSearchPageWorksFromDisk()
    {
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(_site.Output, "search", "index.html")).AbsoluteUri + "?q=remittances");
        var results = page.Locator("#search-page-results li a");
        await results.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var hrefs = await results.EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
        Assert.Contains(hrefs, h => h.Contains("/mhsm/") && h.EndsWith("index.html"));
    }

    [Fact]
    public async Task TheBoxFetchesOnlyTheLoaderLunrTheManifestOneTermShardAndTheResultsDocuments()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Output);
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var fetched = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/search/", StringComparison.Ordinal)) fetched.Enqueue(path["/search/".Length..]);
        };
        await page.GotoAsync(server.BaseUrl + "migration/");
        Assert.Empty(fetched);
        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("remittances");
        await page.Locator("#search-results [role=option]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var files = fetched.ToList();
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.Contains("sb-search.js", files);
        Assert.Contains("lunr.min.js", files);
        Assert.Contains("manifest.js", files);
        // "remittances remittances*": one term shard holds both the word and its prefix; no dictionary, no tails.
        Assert.Single(files, f => f.StartsWith("terms/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("docs/", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Matches("^(sb-search|lunr.min|manifest)\\.js$|^(terms|docs)/[0-9]+\\.js$", f));
    }

    private async Task SearchAndOpen(string startUrl, bool expectDiskUrls)
    {
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(startUrl);

        // The shortcut '/' focuses the box; the index loads on first focus.
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-input", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("remittances");

        var options = page.Locator("#search-results [role=option]");
        await options.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        var hrefs = await page.Locator("#search-results a[role=option]")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
        var mhsm = hrefs.Where(h => h.Contains("/mhsm/")).ToList();
        Assert.True(mhsm.Count >= 3, "the harmonized-module pages are among the results: " + string.Join(", ", hrefs));
        Assert.Contains(await page.Locator("#search-results mark").AllInnerTextsAsync(), m => m.StartsWith("remittance", StringComparison.OrdinalIgnoreCase));
        if (expectDiskUrls) Assert.All(hrefs, h => Assert.EndsWith("index.html", h));

        // Every key searches and the list shows each text's results as they come: let it settle so Enter acts on what was read above.
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('#search-results [role=option]').length === n", hrefs.Length,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        string start = page.Url;
        // Listen for the navigation before pressing Enter. Playwright's WaitForURLAsync checks the URL, then starts
        // listening: a navigation that commits in between (likely on a loaded machine) is missed and it times out.
        // A commit, not the new page's load event, is what Enter has to cause.
        var navigated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame && frame.Url != start) navigated.TrySetResult(frame.Url); };
        await page.Keyboard.PressAsync("Enter");
        string landed = await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(hrefs[0], landed);
        Assert.Equal(hrefs[0], page.Url);
        await page.Locator("h1").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.False(string.IsNullOrEmpty(await page.Locator("h1").InnerTextAsync()));
    }
}
