using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// One page of the real site in one state, as the theme tests open it: a kind of page, or a page after something a
/// reader did (a menu opened, a filter typed). A new state is one more entry in <see cref="ReaderPages.All"/>.
/// </summary>
/// <param name="Name">Unique short name, used in test names and screenshot files.</param>
/// <param name="Path">Site path, e.g. <c>dimis/about/</c> (relative to the server's root).</param>
/// <param name="Kind">What kind of page it is, in the site's own words: the layout's <c>body</c> class, or <c>redirect</c>.</param>
public sealed record ReaderPage(string Name, string Path, string Kind)
{
    /// <summary>A redirect stub: the tab is kept on it instead of following it.</summary>
    public bool Stays { get; init; }

    /// <summary>What the reader does once the page has loaded, before it is checked; null for the page as it loads.</summary>
    public Func<IPage, Task>? Prepare { get; init; }

    /// <summary>The screens this state exists on (a folded menu only on a phone); null for every screen.</summary>
    public Viewport? OnlyOn { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
