using System.Buffers.Binary;
using Xunit.Abstractions;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// Screenshots of the main kinds of page at both widths and in both schemes, whole pages, saved as PNG files under
/// <see cref="ThemeArtifacts.Folder"/> for a reviewer to look at (no pixel comparison: the other theme tests say what
/// must hold).
/// </summary>
[Collection(ThemeCollection.Name)]
public sealed class ScreenshotTests(ThemeSite site, ITestOutputHelper output)
{
    private static readonly string[] Shown =
        ["home", "section-dimis", "page-dimis-about", "page-covid-callouts", "entry-estonia", "index-by-country", "search", "not-found", "menu-open", "search-open", "search-page-results"];

    public static TheoryData<string, string, string> Cases => ReaderPages.EveryScreenAndScheme(Shown.Select(ReaderPages.Named));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_screenshot_is_saved(string page, string viewport, string scheme)
    {
        var screen = Viewport.All[viewport];
        await using var context = await site.NewContextAsync(screen, ReaderPages.Schemes[scheme]);
        var tab = await site.OpenAsync(context, ReaderPages.Named(page));
        string file = Path.Combine(ThemeArtifacts.Folder, $"{viewport}-{scheme}-{page}.png");
        // An open menu is seen over the page's top; everything else whole.
        byte[] png = await tab.ScreenshotAsync(new() { Path = file, FullPage = ReaderPages.Named(page).Prepare is null });
        output.WriteLine(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(screen.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)) >= screen.Height);
        Assert.Equal(png.Length, new FileInfo(file).Length);
    }
}
