using Microsoft.Playwright;
using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>An old statswiki address lands on its mirrored page in real Chromium: over HTTP, and from disk (file://).</summary>
public sealed class RedirectStubBrowserTests : IClassFixture<Chromium>, IClassFixture<BuiltSite>
{
    private readonly Chromium _chromium;
    private readonly BuiltSite _site;

    public RedirectStubBrowserTests(Chromium chromium, BuiltSite site)
    {
        _chromium = chromium;
        _site = site;
    }

    [Fact]
    public async Task The_DIMiS_home_stub_opens_the_mirrored_page_from_disk()
    {
        string stub = new Uri(Path.Combine(_site.Output, "display", "DIMiS", "DIMiS+Home", "index.html")).AbsoluteUri;
        string landed = await OpenAsync(stub);
        Assert.Equal(new Uri(Path.Combine(_site.Output, "dimis", "index.html")).AbsoluteUri, landed);
    }

    [Fact]
    public async Task The_DIMiS_home_stub_opens_the_mirrored_page_over_http()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Output);
        string landed = await OpenAsync(server.BaseUrl + "display/DIMiS/DIMiS+Home/");
        Assert.Equal(server.BaseUrl + "dimis/", landed);
    }

    private async Task<string> OpenAsync(string url)
    {
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Listened for before the stub opens: it moves on as soon as it is read.
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && !frame.Url.Contains("/display/", StringComparison.Ordinal)) arrived.TrySetResult(frame.Url);
        };
        // Only the stub's own commit is awaited: its load may never come, since the stub moves on while it loads.
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        string landed = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.Locator("h1").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("DIMiS", await page.Locator("h1").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        return landed;
    }
}
