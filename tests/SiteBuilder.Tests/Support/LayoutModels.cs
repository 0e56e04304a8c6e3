using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;

namespace SiteBuilder.Tests.Support;

/// <summary>Page models and renders for tests that drive a layout renderer directly.</summary>
public static class LayoutModels
{
    /// <summary>A page at <c>docs/a/</c> with breadcrumbs and a two-entry table of contents.</summary>
    public static PageModel Page(string title) => new()
    {
        Site = new SiteModel { Title = "Test wiki", Language = "en", BaseUrl = "https://example.org/", Sections = [("Docs", "docs/")] },
        Title = title,
        Content = "<p>Body</p>",
        Url = "docs/a/",
        Root = "../../",
        CanonicalUrl = "https://example.org/docs/a/",
        Kind = PageKind.Page,
        Section = "docs",
        Breadcrumbs = [new NavLink("Home", "../../"), new NavLink("Docs", "../")],
        Toc = [new TocEntry(2, "one", "One"), new TocEntry(2, "two", "Two")],
    };

    /// <summary>Renders <see cref="Page"/> titled "A page" through <paramref name="layout"/>, as <c>pages/docs/a.md</c>.</summary>
    public static (string? Html, string[] Diagnostics) Render(RazorLightLayoutRenderer renderer, string layout = "page")
    {
        var diagnostics = new DiagnosticBag();
        string? html = renderer.RenderAsync(layout, Page("A page"), new SourceLocation("pages/docs/a.md"), diagnostics).GetAwaiter().GetResult();
        return (html, diagnostics.ToSortedList().Select(d => d.ToString()).ToArray());
    }
}
