using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>
/// All templates of a layout set compile in one compilation: a template with an error fails alone, at its own
/// file, and only the pages that use it.
/// </summary>
public sealed class LayoutCompilationTests
{
    private static RazorLightLayoutRenderer Renderer(string spec) =>
        new(LayoutSet.Load(TestSites.Write(spec)), new LayoutCache(null));

    [Fact]
    public void ABrokenTemplateFailsAloneAndTheOthersRender()
    {
        var renderer = Renderer("""
            -- layouts/_Layout.cshtml --
            <main>@RenderBody()</main>
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ Layout = "_Layout"; }
            <h1>@Model.Title</h1>
            -- layouts/broken.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Titel</h1>
            -- layouts/unclosed.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ var x = 1;
            """);
        var (page, none) = LayoutModels.Render(renderer, "page");
        Assert.Empty(none);
        Assert.Equal("<main><h1>A page</h1>\n</main>\n", page);
        Assert.Equal(["broken", "unclosed"], renderer.Compiled!.Problems.Keys.Order(StringComparer.Ordinal));

        var (html, errors) = LayoutModels.Render(renderer, "broken");
        Assert.Null(html);
        var error = Assert.Single(errors);
        Assert.StartsWith("layouts/broken.cshtml:2:12: error SB0301: 'PageModel' does not contain a definition for 'Titel'", error);
        Assert.EndsWith("(rendering pages/docs/a.md)", error);

        var (_, razor) = LayoutModels.Render(renderer, "unclosed");
        Assert.StartsWith("layouts/unclosed.cshtml:2:2: error SB0301: ", Assert.Single(razor));
    }

    [Fact]
    public void AnErrorIsReportedOncePerRendererNotPerPage()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <h1>@Model.Titel</h1>
            """);
        Assert.Single(LayoutModels.Render(renderer).Diagnostics);
        Assert.Empty(LayoutModels.Render(renderer).Diagnostics);
        Assert.Null(LayoutModels.Render(renderer).Html);
    }

    [Fact]
    public void AMissingPartialIsAnErrorAtItsNameBeforeAnythingRenders()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ await IncludeAsync("_Nope", Model); }
            """);
        var error = Assert.Single(LayoutModels.Render(renderer).Diagnostics);
        Assert.Equal("layouts/page.cshtml:2:23: error SB0304: partial '_Nope' not found; layouts/ has: page (rendering pages/docs/a.md)", error);
    }

    [Fact]
    public void AMissingPartialNamedAtRunTimeIsAnErrorAtTheLineThatIncludesIt()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ string name = "_No" + "pe" + Model.Url.Length; }
            @{ await IncludeAsync(name, Model); }
            """);
        var error = Assert.Single(LayoutModels.Render(renderer).Diagnostics);
        Assert.Equal("layouts/page.cshtml:3: error SB0304: layout '_Nope7' not found; layouts/ has: page (rendering pages/docs/a.md)", error);
    }

    [Fact]
    public void PartialsAndLayoutsAreFoundByAnyFormOfTheirName()
    {
        var renderer = Renderer("""
            -- layouts/_Layout.cshtml --
            <main>@RenderBody()</main>
            -- layouts/_Part.cshtml --
            <p>part</p>
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ Layout = "/layouts/_Layout.cshtml"; }
            @{ await IncludeAsync("_Part.cshtml", Model); }
            """);
        var (html, errors) = LayoutModels.Render(renderer);
        Assert.Empty(errors);
        Assert.Equal("<main><p>part</p>\n</main>\n", html);
    }
}
