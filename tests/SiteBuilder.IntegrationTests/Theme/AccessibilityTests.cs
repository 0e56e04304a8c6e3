namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// axe-core finds nothing on any page or state of <see cref="ReaderPages"/>, at a desk's and a phone's width, in the
/// light and the dark scheme (<c>prefers-color-scheme</c> emulated), so contrast is checked in both.
/// </summary>
[Collection(ThemeCollection.Name)]
public sealed class AccessibilityTests(ThemeSite site)
{
    public static TheoryData<string, string, string> Cases => ReaderPages.EveryScreenAndScheme();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Axe_finds_no_violation(string page, string viewport, string scheme)
    {
        await using var context = await site.NewContextAsync(Viewport.All[viewport], ReaderPages.Schemes[scheme]);
        var tab = await site.OpenAsync(context, ReaderPages.Named(page));
        var violations = await Axe.RunAsync(tab);
        Assert.True(violations.Count == 0,
            $"{page} ({ReaderPages.Named(page).Path}) at {viewport}, {scheme}: {violations.Count} axe violations:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void The_pages_checked_cover_every_kind_of_page_the_build_writes()
    {
        // The kinds of the built site, read from the output: the layout's body class, or a stub's meta refresh.
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in site.HtmlPaths())
        {
            string file = Path.Combine(site.Output, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
            string html = File.ReadAllText(file);
            var body = System.Text.RegularExpressions.Regex.Match(html, "<body class=\"([^\"]+)\"");
            kinds.Add(body.Success ? body.Groups[1].Value : html.Contains("<meta name=\"robots\" content=\"noindex\">") ? "redirect" : "unknown: " + path);
        }
        Assert.Equal(kinds, new SortedSet<string>(ReaderPages.All.Select(p => p.Kind), StringComparer.Ordinal));
        Assert.True(ReaderPages.All.Count(p => p.Prepare is null) >= 15, "at least 15 pages, each in its state as loaded");
        // The catalogue names real pages, of the kind it says.
        foreach (var page in ReaderPages.All.Where(p => p.Kind != "redirect"))
        {
            string file = Path.Combine(site.Output, page.Path.EndsWith('/') || page.Path.Length == 0 ? page.Path + "index.html" : page.Path);
            Assert.Contains($"<body class=\"{page.Kind}\">", File.ReadAllText(file));
        }
    }
}
