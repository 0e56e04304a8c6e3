using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>
/// The guards compiled into every layout stop a render, never the process: recursion before the stack overflows,
/// endless loops at the time limit, templates that include each other at their include, runaway allocation at the
/// memory budget; and a render stopped once stops the renderer's later renders at once.
/// </summary>
public sealed class LayoutGuardTests
{
    private static RazorLightLayoutRenderer Renderer(string spec, bool trusted = false, double seconds = 2) =>
        new(LayoutSet.Load(TestSites.Write(spec)), new LayoutCache(null), trustLayouts: trusted, renderTimeLimit: TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("int F(int n) => F(n + 1) + 1;", "@F(0)")]
    [InlineData("int F(int n) { return 1 + G(n); } int G(int n) { return F(n) + 1; }", "@F(0)")]
    [InlineData("string P => P + \"x\";", "@P")]
    [InlineData("int F(int n) { System.Func<int, int> f = null!; f = k => f!(k + 1) + 1; return f(n); }", "@F(0)")]
    [InlineData("System.Collections.Generic.IEnumerable<int> W(int n) { foreach (var x in W(n + 1)) yield return x; }", "@W(0).Count()")]
    public void RecursionIsStoppedBeforeTheStackOverflows(string functions, string use)
    {
        var renderer = Renderer($"-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@using System.Linq\n@functions {{\n    {functions}\n}}\n<p>{use}</p>\n");
        var (html, diagnostics) = RunOnSmallStack(renderer);
        Assert.Null(html);
        // At the guard that found the stack nearly full: in the method, lambda or iterator that recursed.
        Assert.StartsWith("layouts/page.cshtml:4:", Assert.Single(diagnostics));
        Assert.Contains(": error SB0306: layout 'page' recursed too deep while rendering pages/docs/a.md", diagnostics[0]);
    }

    [Fact]
    public void RecursionIsStoppedInTrustedLayoutsToo()
    {
        var renderer = Renderer("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@functions {\n    int F(int n) => F(n + 1) * 2;\n}\n<p>@F(0)</p>\n", trusted: true);
        Assert.StartsWith("layouts/page.cshtml:3:5: error SB0306: ", Assert.Single(RunOnSmallStack(renderer).Diagnostics));
    }

    [Theory]
    [InlineData("  @while(true){}", 2, 4)]
    [InlineData("@{ for (;;) { } }", 2, 4)]
    [InlineData("@{ int i = 0; again: i++; goto again; }", 2, 15)]
    [InlineData("@{ int k = 1; switch (k) { case 1: goto case 1; } }", 2, 28)]
    [InlineData("@{ while (true) { try { while (true) { } } catch { } } }", 2, 4)]
    public void AnEndlessLoopIsStoppedAtTheTimeLimitAtTheLoop(string loop, int line, int column)
    {
        var renderer = Renderer($"-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n{loop}\n", seconds: 0.5);
        var (html, diagnostics) = LayoutModels.Render(renderer);
        Assert.Null(html);
        Assert.StartsWith($"layouts/page.cshtml:{line}:{column}: error SB0305: layout 'page' ran longer than 0.5 s while rendering pages/docs/a.md", Assert.Single(diagnostics));

        // Every later page fails at once with the same error, not after another half second each.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(diagnostics, LayoutModels.Render(renderer).Diagnostics);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(200), $"{watch.Elapsed}");
    }

    [Fact]
    public void RunawayAllocationIsStoppedAtTheMemoryBudget()
    {
        var renderer = Renderer("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@{ var list = new System.Collections.Generic.List<string>(); while (true) { list.Add(new string('x', 1000)); } }\n", seconds: 60);
        var (html, diagnostics) = LayoutModels.Render(renderer);
        Assert.Null(html);
        Assert.StartsWith("layouts/page.cshtml:2:", Assert.Single(diagnostics));
        Assert.Contains("error SB0307: layout 'page' allocated more than 512 MiB", diagnostics[0]);
    }

    [Fact]
    public void APartialThatIncludesItselfIsAnErrorAtTheIncludeWithTheChain()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ await IncludeAsync("_A", Model); }
            -- layouts/_A.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>a</p>
              @{ await IncludeAsync("_B", Model); }
            -- layouts/_B.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ await IncludeAsync("_A.cshtml", Model); }
            -- layouts/_Self.cshtml --
            @{ await IncludeAsync("_Self"); }
            -- layouts/self.cshtml --
            @{ Layout = "self"; }
            """);
        var (html, diagnostics) = LayoutModels.Render(renderer);
        Assert.Null(html);
        Assert.Equal("layouts/_A.cshtml:3:25: error SB0303: templates include each other in a cycle: _A → _B → _A (write recursion as a method in @functions, as _Sidebar does) (rendering pages/docs/a.md)", Assert.Single(diagnostics));
        Assert.Equal(["_A", "_Self", "self"], renderer.Compiled!.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("layouts/self.cshtml:1:13: error SB0303: layouts include each other in a cycle: self → self", Assert.Single(LayoutModels.Render(renderer, "self").Diagnostics));
    }

    [Fact]
    public void IncludesNamedAtRunTimeStopAtTheDepthLimit()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ string next = "_A"; }
            @{ await IncludeAsync(next, Model); }
            -- layouts/_A.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ string again = "_" + "A"; }
            <b>
            @{ await IncludeAsync(again, Model); }
            """);
        var error = Assert.Single(LayoutModels.Render(renderer).Diagnostics);
        Assert.StartsWith("layouts/_A.cshtml:4: error SB0303: templates nest deeper than 16 while rendering pages/docs/a.md: page → _A → _A", error);
    }

    [Fact]
    public void AMissingMasterLayoutIsAnErrorAtTheLayoutAssignment()
    {
        var renderer = Renderer("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<p>x</p>\n@{ Layout = \"nope\"; }\n");
        Assert.Equal(["layouts/page.cshtml:3:13: error SB0304: master layout 'nope' not found; layouts/ has: page (rendering pages/docs/a.md)"],
            LayoutModels.Render(renderer).Diagnostics);
    }

    [Fact]
    public void GuardsLeaveTheOutputAlone()
    {
        var renderer = Renderer("""
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @using System.Linq
            @using System.Collections.Generic
            @using SiteBuilder.Layouts
            @functions {
                int Depth(NavNode? n) => n is null ? 0 : 1 + n.Children.Select(Depth).DefaultIfEmpty(0).Max();
                string Twice(string s) { var r = ""; for (int i = 0; i < 2; i++) r += s; return r; }
                IEnumerable<int> Up(int n) { for (int i = 0; i < n; i++) yield return i; }
            }
            @{ int k = 0; switch (k) { case 0: k = 5; break; default: k = 1; break; } }
            <p>@Twice(Model.Title) @string.Join(",", Up(3)) @k</p>
            @foreach (var t in Model.Toc) { <i>@t.Id</i> }
            """, trusted: true);
        var (html, diagnostics) = LayoutModels.Render(renderer);
        Assert.Empty(diagnostics);
        Assert.StartsWith("<p>A pageA page 0,1,2 5</p>\n <i>one</i>  <i>two</i>", html!.Trim());
    }

    /// <summary>Renders on a thread with a 1 MiB stack, the smallest a build thread has, so recursion ends fast.</summary>
    private static (string? Html, string[] Diagnostics) RunOnSmallStack(RazorLightLayoutRenderer renderer)
    {
        (string?, string[]) result = default;
        var thread = new Thread(() => result = LayoutModels.Render(renderer), 1 << 20);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)));
        return result;
    }
}
