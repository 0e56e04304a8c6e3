using Microsoft.Playwright;
using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// The repository's real site, built once, served on 127.0.0.1 the way a static host serves it, and Debian's
/// Chromium: shared by the theme's browser tests (accessibility, layout, screenshots).
/// </summary>
public sealed class ThemeSite : IAsyncLifetime
{
    private readonly BuiltSite _site = new();
    private readonly Chromium _chromium = new();
    private StaticSiteServer? _server;

    /// <summary>The built site's folder.</summary>
    public string Output => _site.Output;

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseUrl => _server!.BaseUrl;

    /// <summary>The browser.</summary>
    public IBrowser Browser => _chromium.Browser;

    /// <summary>Every HTML file of the built site, as site paths (<c>dimis/about/</c> for a folder's index.html).</summary>
    public IReadOnlyList<string> HtmlPaths() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Select(p => p == "index.html" ? "" : p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>A browser context sized and coloured as <paramref name="viewport"/> says.</summary>
    public Task<IBrowserContext> NewContextAsync(Viewport viewport, ColorScheme scheme, bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.Phone,
            HasTouch = viewport.Phone,
            DeviceScaleFactor = 1,
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
        });

    /// <summary>Opens <paramref name="page"/> in a new tab of <paramref name="context"/>, ready to be checked.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context, ReaderPage page)
    {
        var tab = await context.NewPageAsync();
        var errors = new List<string>();
        tab.PageError += (_, e) => errors.Add(e);
        string url = BaseUrl + page.Path;
        if (page.Stays) await StayAsync(tab, () => url);
        await tab.GotoAsync(url);
        if (page.Prepare is not null) await page.Prepare(tab);
        Assert.True(errors.Count == 0, $"{page.Name}: script errors: {string.Join("; ", errors)}");
        return tab;
    }

    /// <summary>
    /// Keeps <paramref name="tab"/> on the page at <paramref name="url"/>: a redirect stub moves on as soon as it is
    /// read. A navigation answered "204 No Content" leaves the tab where it is (an aborted one would show Chromium's
    /// error page instead), so every other document gets that answer.
    /// </summary>
    public static Task StayAsync(IPage tab, Func<string> url) =>
        tab.RouteAsync("**/*", route =>
            route.Request.IsNavigationRequest && route.Request.Url != url()
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 204 })
                : route.ContinueAsync());

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _server = await StaticSiteServer.StartAsync(_site.Output);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _chromium.DisposeAsync();
        _site.Dispose();
    }
}

/// <summary>The theme's browser tests share one built site, server and browser.</summary>
[CollectionDefinition(Name)]
public sealed class ThemeCollection : ICollectionFixture<ThemeSite>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Theme";
}
