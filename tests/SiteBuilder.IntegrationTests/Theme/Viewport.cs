namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>A screen the theme is checked at.</summary>
/// <param name="Name">Short name used in test names and screenshot files.</param>
/// <param name="Width">CSS pixels.</param>
/// <param name="Height">CSS pixels.</param>
/// <param name="Phone">A touch screen that reports a coarse pointer and honours the viewport meta tag.</param>
public sealed record Viewport(string Name, int Width, int Height, bool Phone)
{
    /// <summary>A desk: 1280 × 800.</summary>
    public static readonly Viewport Desk = new("desk", 1280, 800, false);

    /// <summary>A phone: 390 × 844 (an iPhone 12 to 15).</summary>
    public static readonly Viewport Phone390 = new("phone", 390, 844, true);

    /// <summary>Both, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Viewport> All =
        new Dictionary<string, Viewport> { [Desk.Name] = Desk, [Phone390.Name] = Phone390 };
}
