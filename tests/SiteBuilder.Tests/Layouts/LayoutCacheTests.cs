using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>
/// Compiled layouts kept on disk: a hit renders what a fresh compile renders, a changed template is compiled
/// again, and a damaged or unwritable cache only costs a compile.
/// </summary>
public sealed class LayoutCacheTests : IDisposable
{
    private readonly string _dir = TestSites.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (string Html, RazorLightLayoutRenderer Renderer) Render(LayoutSet layouts, LayoutCache cache)
    {
        var renderer = new RazorLightLayoutRenderer(layouts, cache);
        var (html, diagnostics) = LayoutModels.Render(renderer);
        Assert.Empty(diagnostics);
        return (html!, renderer);
    }

    private static LayoutSet Layouts(string page)
    {
        string site = TestSites.Write($"-- layouts/page.cshtml --\n{page}\n-- layouts/_Layout.cshtml --\n<main>@RenderBody()</main>\n");
        return LayoutSet.Load(site);
    }

    private string[] CacheFiles() => Directory.GetFiles(Path.Combine(_dir, "layouts"));

    [Fact]
    public void ACacheHitRendersWhatAFreshCompileRenders()
    {
        var theme = LayoutSet.BuiltIn();
        var (fresh, first) = Render(theme, new LayoutCache(_dir));
        Assert.False(first.Compiled!.LoadedFromDisk);
        Assert.Single(CacheFiles());

        // A new cache over the same folder is a new process as far as the cache knows: it reads the file.
        var (cached, second) = Render(theme, new LayoutCache(_dir));
        Assert.True(second.Compiled!.LoadedFromDisk);
        Assert.Equal(fresh, cached);
        Assert.Contains("<nav class=\"breadcrumbs\"", cached);
        Assert.Contains("<nav class=\"toc\"", cached);

        // And both match layouts compiled without any disk cache.
        Assert.Equal(fresh, Render(theme, new LayoutCache(null)).Html);
    }

    [Fact]
    public void AChangedTemplateMissesTheCache()
    {
        var before = Layouts("@model SiteBuilder.Layouts.PageModel\n@{ Layout = \"_Layout\"; }\n<h1>Before: @Model.Title</h1>");
        Assert.Contains("<main><h1>Before: A page</h1>", Render(before, new LayoutCache(_dir)).Html);

        var after = Layouts("@model SiteBuilder.Layouts.PageModel\n@{ Layout = \"_Layout\"; }\n<h1>After: @Model.Title</h1>");
        Assert.NotEqual(LayoutCache.KeyOf(before.Templates), LayoutCache.KeyOf(after.Templates));
        var (html, renderer) = Render(after, new LayoutCache(_dir));
        Assert.False(renderer.Compiled!.LoadedFromDisk);
        Assert.Contains("<main><h1>After: A page</h1>", html);
        Assert.Equal(2, CacheFiles().Length);
    }

    [Fact]
    public void TheKeyCoversNamesAndTextsButNotTheirOrder()
    {
        var a = new Dictionary<string, string> { ["page"] = "x", ["home"] = "y" };
        var b = new Dictionary<string, string> { ["home"] = "y", ["page"] = "x" };
        Assert.Equal(LayoutCache.KeyOf(a), LayoutCache.KeyOf(b));
        Assert.NotEqual(LayoutCache.KeyOf(a), LayoutCache.KeyOf(new Dictionary<string, string> { ["page"] = "xy", ["home"] = "" }));
        Assert.NotEqual(LayoutCache.KeyOf(a), LayoutCache.KeyOf(new Dictionary<string, string> { ["page2"] = "x", ["home"] = "y" }));
        Assert.Matches("^[0-9a-f]{64}$", LayoutCache.KeyOf(a));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("flipped")]
    public void ACorruptCacheFileIsIgnoredAndReplaced(string damage)
    {
        var theme = LayoutSet.BuiltIn();
        string expected = Render(theme, new LayoutCache(_dir)).Html;
        string file = Assert.Single(CacheFiles());
        byte[] good = File.ReadAllBytes(file);
        byte[] bad = damage switch
        {
            "garbage" => "not an assembly"u8.ToArray(),
            "truncated" => good[..(good.Length / 2)],
            _ => good.Select((b, i) => i == good.Length - 100 ? (byte)(b ^ 0x40) : b).ToArray(),
        };
        File.WriteAllBytes(file, bad);

        var (html, renderer) = Render(theme, new LayoutCache(_dir));
        Assert.False(renderer.Compiled!.LoadedFromDisk);
        Assert.Equal(expected, html);
        Assert.Equal(good, File.ReadAllBytes(file));
        Assert.True(Render(theme, new LayoutCache(_dir)).Renderer.Compiled!.LoadedFromDisk);
    }

    [Fact]
    public void AnUnwritableCacheFolderOnlyMeansCompilingInMemory()
    {
        // A file where the folder should be: nothing can be created under it (even as root).
        string blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "");
        var (html, renderer) = Render(LayoutSet.BuiltIn(), new LayoutCache(blocker));
        Assert.False(renderer.Compiled!.LoadedFromDisk);
        Assert.Contains("<h1>A page</h1>", html);
    }

    [Fact]
    public void NoTemporaryFilesAreLeftBehind()
    {
        Render(LayoutSet.BuiltIn(), new LayoutCache(_dir));
        Assert.All(CacheFiles(), f => Assert.EndsWith(".dll", f));
    }

    [Fact]
    public void AThemePrecompiledBesideTheProgramIsReadAndTheUserCacheIsLeftAlone()
    {
        // What SiteBuilder's build does: `sitebuilder precompile-theme --output BIN/layout-cache`.
        string bundled = Path.Combine(_dir, "layout-cache");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(bundled, "layouts")).FullName, "old.dll"), "an earlier build's");
        Assert.Equal(0, SiteBuilder.Cli.Commands.PrecompileThemeCommand.Run(new DirectoryInfo(bundled), TextWriter.Null));
        string file = Assert.Single(Directory.GetFiles(Path.Combine(bundled, "layouts")));
        Assert.Equal(LayoutCache.KeyOf(LayoutSet.BuiltIn().Templates) + ".dll", Path.GetFileName(file));

        string user = Path.Combine(_dir, "user");
        var (html, renderer) = Render(LayoutSet.BuiltIn(), new LayoutCache(user, bundled));
        Assert.True(renderer.Compiled!.LoadedFromDisk);
        Assert.False(Directory.Exists(user));
        Assert.Equal(Render(LayoutSet.BuiltIn(), new LayoutCache(null)).Html, html);

        // A site's own layouts are not the built-in theme: compiled, and kept in the user's cache.
        var own = Render(Layouts("<p>own</p>"), new LayoutCache(user, bundled)).Renderer;
        Assert.False(own.Compiled!.LoadedFromDisk);
        Assert.Single(Directory.GetFiles(Path.Combine(user, "layouts")));
    }

    [Fact]
    public void TheCacheFolderComesFromTheEnvironment()
    {
        string? Env(string name, Dictionary<string, string> vars) => vars.GetValueOrDefault(name);
        Assert.Equal(Path.GetFullPath("/x/own"), LayoutCache.DefaultDirectory(n => Env(n, new() { ["SITEBUILDER_CACHE_DIR"] = "/x/own", ["XDG_CACHE_HOME"] = "/x/xdg" })));
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal("/x/xdg/sitebuilder", LayoutCache.DefaultDirectory(n => Env(n, new() { ["XDG_CACHE_HOME"] = "/x/xdg", ["HOME"] = "/home/u" })));
        Assert.Equal("/home/u/.cache/sitebuilder", LayoutCache.DefaultDirectory(n => Env(n, new() { ["XDG_CACHE_HOME"] = "relative", ["HOME"] = "/home/u" })));
        Assert.Equal("/home/u/.cache/sitebuilder", LayoutCache.DefaultDirectory(n => Env(n, new() { ["HOME"] = "/home/u" })));
    }
}
