using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>
/// Safe mode (the default): a layout may use the page model, strings, numbers, dates, collections and LINQ's immediate
/// methods; anything else is SB0308 at the template's line and column, and <c>--trust-layouts</c> lifts it.
/// </summary>
public sealed class LayoutSafeModeTests
{
    private static (string? Html, string[] Diagnostics) Render(string body, bool trusted = false)
    {
        var layouts = LayoutSet.Load(TestSites.Write("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n" + body + "\n"));
        return LayoutModels.Render(new RazorLightLayoutRenderer(layouts, new LayoutCache(null), trustLayouts: trusted));
    }

    [Theory]
    [InlineData("<p>@System.IO.File.ReadAllText(\"/etc/passwd\")</p>", 2, 5, "'System.IO.File.ReadAllText(string)'")]
    [InlineData("@{ var files = System.IO.Directory.GetFiles(\"/\"); }", 2, 16, "'System.IO.Directory.GetFiles(string)'")]
    [InlineData("@{ new System.Net.Http.HttpClient(); }", 2, 4, "'System.Net.Http.HttpClient.HttpClient()'")]
    [InlineData("@{ System.Diagnostics.Process.Start(\"sh\"); }", 2, 4, "'System.Diagnostics.Process.Start(string)'")]
    [InlineData("<p>@System.Environment.GetEnvironmentVariable(\"GITHUB_TOKEN\")</p>", 2, 5, "'System.Environment.GetEnvironmentVariable(string)'")]
    [InlineData("<p>@Model.GetType().Assembly.Location</p>", 2, 5, "'System.Reflection.Assembly.Location'")]
    [InlineData("<p>@Model.GetType()</p>", 2, 5, "'object.GetType()'")]
    [InlineData("<p>@typeof(string).Name</p>", 2, 5, "'System.Reflection.MemberInfo.Name'")]
    [InlineData("<p>@typeof(string)</p>", 2, 5, "a value of type 'System.Type'")]
    [InlineData("<p>@System.Type.GetType(\"System.IO.File\")</p>", 2, 5, "'System.Type.GetType(string)'")]
    [InlineData("@using static System.IO.File\n<p>@ReadAllText(\"/etc/passwd\")</p>", 2, 15, "'System.IO.File'")]
    [InlineData("@{ dynamic d = Model; }", 2, 4, "'dynamic'")]
    [InlineData("@functions { void F() { System.Span<int> s = stackalloc int[4]; } }", 2, 25, "'System.Span<int>'")]
    [InlineData("@functions { [System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid(); }", 2, 14, "extern")]
    [InlineData("@functions { [System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() { } }", 2, 14, "an attribute")]
    [InlineData("@functions { class Evil { } }", 2, 14, "a type declared in a layout")]
    [InlineData("@{ var a = new { X = 1 }; }", 2, 4, "'<anonymous type: int X>'")]
    [InlineData("<p>@(new { X = 1 })</p>", 2, 6, "an anonymous type")]
    [InlineData("@using System.Linq\n<p>@Model.Toc.Select(t => t.Id).Count()</p>", 3, 5, ".Select<SiteBuilder.Layouts.TocEntry, string>(")]
    [InlineData("@using System.Linq\n<p>@(from t in Model.Toc select t.Id)</p>", 3, 6, "query syntax")]
    [InlineData("@{ await System.Threading.Tasks.Task.Delay(-1); }", 2, 10, "'System.Threading.Tasks.Task.Delay(int)'")]
    [InlineData("@{ System.Threading.Thread.Sleep(1); }", 2, 4, "'System.Threading.Thread.Sleep(int)'")]
    [InlineData("@{ var t = (1, 2); }", 2, 12, "a tuple")]
    [InlineData("@{ System.Func<int, int> f = x => x; var m = f.Method; }", 2, 38, "'System.Reflection.MethodInfo'")]
    [InlineData("<p>@(((System.Func<int, int>)(x => x)).Method)</p>", 2, 6, "'System.Delegate.Method'")]
    [InlineData("@functions { async void Fire() { await IncludeAsync(\"_x\"); } }", 2, 14, "async void")]
    [InlineData("@{ var x = ViewBag; }", 2, 4, "'dynamic'")]
    [InlineData("<p>@PageContext</p>", 2, 5, "'RazorLight.TemplatePageBase.PageContext'")]
    [InlineData("@functions { ~GeneratedTemplate() { } }", 2, 14, "a finaliser")]
    public void AnApiOutsideTheAllowListIsRefusedAtItsPosition(string body, int line, int column, string what)
    {
        var (html, diagnostics) = Render(body);
        Assert.Null(html);
        string first = diagnostics.First(d => d.Contains("SB0308"));
        Assert.StartsWith($"layouts/page.cshtml:{line}:{column}: error SB0308: ", first);
        Assert.Contains(what, first);
        Assert.Contains("--trust-layouts", first);
    }

    [Theory]
    [InlineData("@{ unsafe { int x = 1; int* p = &x; } }")]
    [InlineData("@{ System.Span<int> s = stackalloc int[4]; }")]
    [InlineData("@functions { unsafe void F() { } }")]
    public void CodeTheCompilerRefusesNeverRuns(string body)
    {
        var (html, diagnostics) = Render(body);
        Assert.Null(html);
        Assert.StartsWith("layouts/page.cshtml:2", Assert.Single(diagnostics));
        Assert.Contains("error SB0301: ", diagnostics[0]);
    }

    [Fact]
    public void TrustingLayoutsLiftsTheAllowList()
    {
        var (html, diagnostics) = Render("@using System.Linq\n<p>@System.IO.Path.GetFileName(\"/a/b.txt\") @Model.Toc.Select(t => t.Id).Count()</p>", trusted: true);
        Assert.Empty(diagnostics);
        Assert.Equal("<p>b.txt 2</p>", html!.Trim());
        // The same layout in safe mode: refused, though it was compiled trusted a moment ago (the cache keeps them apart).
        Assert.Contains(Render("@using System.Linq\n<p>@System.IO.Path.GetFileName(\"/a/b.txt\") @Model.Toc.Select(t => t.Id).Count()</p>").Diagnostics, d => d.Contains("SB0308"));
    }

    [Fact]
    public void WhatThemesUseIsAllowed()
    {
        var (html, diagnostics) = Render("""
            @using System
            @using System.Collections.Generic
            @using System.Linq
            @using SiteBuilder.Layouts
            @using SiteBuilder.Content
            @functions {
                string Label(NavLink link) => link.Title.ToUpperInvariant() + " " + link.Href.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                enum Mode { A, B }
            }
            @{ var meta = Model with { Children = System.Array.Empty<NavLink>() }; var sb = new System.Text.StringBuilder(); }
            @foreach (var crumb in Model.Breadcrumbs) { sb.Append(Label(crumb)).Append(';'); }
            @foreach (var (title, url) in Model.Site.Sections) { sb.Append(title).Append(url); }
            <p>@sb @(Model.Kind == PageKind.Page ? "page" : "other") @Model.Toc.Count(t => t.Level == 2) @Model.Toc.First().Id
            @string.Join(",", Model.Toc.ToList().ConvertAll(t => t.Text)) @Math.Max(1, 2) @DateTime.UnixEpoch.Year @Mode.B @Raw("<b>")</p>
            @{ var d = new Dictionary<string, List<int>>(); d["a"] = new List<int> { 1, 2 }; }
            <i>@d["a"].Sum() @($"{Model.Title}!") @meta.Children.Count</i>
            """);
        Assert.Empty(diagnostics);
        Assert.Contains("HOME 6;DOCS 3;Docsdocs/", html);
        Assert.Contains("page 2 one", html);
        Assert.Contains("One,Two 2 1970 B <b></p>", html);
        Assert.Contains("<i>3 A page! 0</i>", html);
    }

    [Fact]
    public void SectionsAndMasterLayoutsWithoutAModelAreAllowed()
    {
        var layouts = LayoutSet.Load(TestSites.Write("""
            -- layouts/_Layout.cshtml --
            <main>@RenderBody()</main>@RenderSection("foot", required: false)
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ Layout = "_Layout"; }
            <h1>@Model.Title</h1>
            @section foot {<footer>@Model.Url</footer>}
            """));
        var (html, diagnostics) = LayoutModels.Render(new RazorLightLayoutRenderer(layouts, new LayoutCache(null)));
        Assert.Empty(diagnostics);
        Assert.Equal("<main><h1>A page</h1>\n</main><footer>docs/a/</footer>", html!.Trim());
    }

    [Fact]
    public void ThePreviewHonoursTrustLayouts()
    {
        const string spec = """
            -- site.yml --
            title: Test wiki
            -- pages/index.md --
            ---
            title: Home
            layout: page
            ---
            Hi.
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>@System.IO.Path.GetExtension("a.md")</p>
            """;
        using var safe = TestSite.Create(spec);
        var refused = new SiteBuilder.Build.Incremental.IncrementalBuilder(new SiteBuilder.Build.BuildOptions { SourceDir = safe.Root }).Rebuild();
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Diagnostics, d => d.ToString().StartsWith("layouts/page.cshtml:2:5: error SB0308: ", StringComparison.Ordinal));

        using var trusted = TestSite.Create(spec);
        var built = new SiteBuilder.Build.Incremental.IncrementalBuilder(new SiteBuilder.Build.BuildOptions { SourceDir = trusted.Root, TrustLayouts = true }).Rebuild();
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
    }

    [Fact]
    public void TheBuiltInThemePassesSafeMode()
    {
        var compiled = new LayoutCache(null).GetOrCompile(LayoutSet.BuiltIn());
        Assert.Empty(compiled.Problems);
    }
}
