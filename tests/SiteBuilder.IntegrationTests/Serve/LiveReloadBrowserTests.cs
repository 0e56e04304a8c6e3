using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// In real Chromium, with a page open from <c>serve</c>: saving its Markdown updates the open page
/// without a manual reload (patched in place, or reloaded with <c>--full-reload</c>); breaking its front
/// matter shows the error, with its file and line, in an accessible overlay; fixing it recovers by itself.
/// </summary>
public sealed class LiveReloadBrowserTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EditingAPageReloadsItAndABuildErrorShowsAndClears()
    {
        await using var site = await ServedSite.StartAsync(watch: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(site.Url, "docs/guide/").ToString());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The first version of the guide.");
        // The page must be listening before the file changes.
        await WaitUntil(() => site.Server.ClientCount > 0);
        // A marker on the window survives only as long as the page is not reloaded.
        await page.EvaluateAsync("() => { window.__marker = 1; }");

        string guide = site.PathOf("pages/docs/guide.md");
        await File.WriteAllTextAsync(guide, "---\ntitle: Guide, revised\n---\nThe second version of the guide.\n");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The second version of the guide.", new() { Timeout = (float)Wait.TotalMilliseconds });
        // The server's new HTML was patched into the open document (no one clicked anything, and nothing reloaded),
        // title and all; the page is then exactly the served page.
        Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__marker ?? null"));
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Guide, revised"));
        Assert.Equal(await BodyTextOfAFreshLoad(browser, page.Url), await page.InnerTextAsync("body"));

        await File.WriteAllTextAsync(guide, "---\ntitle: [Guide\n---\nThe broken version.\n");
        var overlay = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = (float)Wait.TotalMilliseconds });
        await Assertions.Expect(overlay).ToContainTextAsync("pages/docs/guide.md:3:1: error SB0102: invalid YAML");
        // The last good build stays on screen under the overlay.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The second version of the guide.");

        await File.WriteAllTextAsync(guide, "---\ntitle: Guide\n---\nThe fixed version of the guide.\n");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The fixed version of the guide.", new() { Timeout = (float)Wait.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#sitebuilder-overlay")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithFullReloadThePageReloadsAndAStylesheetChangeAlwaysReloads()
    {
        await using var site = await ServedSite.StartAsync(watch: true, fullReload: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await OpenMarkedGuideAsync(browser, site);
        await File.WriteAllTextAsync(site.PathOf("pages/docs/guide.md"), "---\ntitle: Guide\n---\nReloaded in full.\n");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Reloaded in full.", new() { Timeout = (float)Wait.TotalMilliseconds });
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__marker ?? null"));
    }

    [Fact]
    public async Task AChangedStylesheetReloadsThePageInFull()
    {
        // The site has its own copy of the built-in theme, with a stylesheet the test can edit.
        await using var site = await ServedSite.StartAsync(watch: true, ownTheme: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await OpenMarkedGuideAsync(browser, site);
        // The page's HTML is the same; only a stylesheet it loads changed, which patching would not pick up.
        string css = site.PathOf("layouts/assets/css/site.css");
        var reloaded = new TaskCompletionSource();
        page.Load += (_, _) => reloaded.TrySetResult();
        await File.AppendAllTextAsync(css, "\nmain { color: rgb(1, 2, 3); }\n");
        await reloaded.Task.WaitAsync(Wait);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__marker ?? null"));
        await Assertions.Expect(page.Locator("main")).ToHaveCSSAsync("color", "rgb(1, 2, 3)");
    }

    private static async Task<string> BodyTextOfAFreshLoad(IBrowser browser, string url)
    {
        var fresh = await browser.NewPageAsync();
        await fresh.GotoAsync(url);
        string text = await fresh.InnerTextAsync("body");
        await fresh.CloseAsync();
        return text;
    }

    [Fact]
    public async Task APageOpenedWhileTheBuildIsBrokenShowsTheErrorsAtOnce()
    {
        await using var site = await ServedSite.StartAsync(watch: false);
        await File.WriteAllTextAsync(site.PathOf("pages/docs/guide.md"), "---\ntitle: Guide\n---\nSee [nowhere](missing.md).\n");
        site.Server.Notify(["pages/docs/guide.md"]);
        await WaitUntil(() => !site.Server.Latest.Succeeded);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.Url.ToString());
        var overlay = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(overlay).ToContainTextAsync("pages/docs/guide.md:4:5: error SB1001");
    }

    // Debian's Chromium, headless (never a downloaded browser).
    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });

    // The guide in a new page, once its live-reload connection is up, with a mark on its window that only a full reload clears.
    private static async Task<IPage> OpenMarkedGuideAsync(IBrowser browser, ServedSite site)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(site.Url, "docs/guide/").ToString());
        await WaitUntil(() => site.Server.ClientCount > 0);
        await page.EvaluateAsync("() => { window.__marker = 1; }");
        return page;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in time");
            await Task.Delay(20);
        }
    }
}
