using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// In real Chromium, with a page open from <c>serve</c>: saving its Markdown updates the open page
/// without a manual reload; breaking its front matter shows the error, with its file and line, in an
/// accessible overlay; fixing it recovers by itself.
/// </summary>
public sealed class LiveReloadBrowserTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EditingAPageReloadsItAndABuildErrorShowsAndClears()
    {
        await using var site = await ServedSite.StartAsync(watch: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(site.Url, "docs/guide/").ToString());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The first version of the guide.");
        // The page must be listening before the file changes.
        await WaitUntil(() => site.Server.ClientCount > 0);
        // A marker on the window survives only as long as the page is not reloaded.
        await page.EvaluateAsync("() => { window.__marker = 1; }");

        string guide = site.PathOf("pages/docs/guide.md");
        await File.WriteAllTextAsync(guide, "---\ntitle: Guide\n---\nThe second version of the guide.\n");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The second version of the guide.", new() { Timeout = (float)Wait.TotalMilliseconds });
        // The server reloaded the page; no one clicked anything.
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__marker ?? null"));

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
    public async Task APageOpenedWhileTheBuildIsBrokenShowsTheErrorsAtOnce()
    {
        await using var site = await ServedSite.StartAsync(watch: false);
        await File.WriteAllTextAsync(site.PathOf("pages/docs/guide.md"), "---\ntitle: Guide\n---\nSee [nowhere](missing.md).\n");
        site.Server.Notify(["pages/docs/guide.md"]);
        await WaitUntil(() => !site.Server.Latest.Succeeded);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.Url.ToString());
        var overlay = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(overlay).ToContainTextAsync("pages/docs/guide.md:4:5: error SB1001");
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
