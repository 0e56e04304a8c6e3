namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// Hostile layouts: partials that include each other, recursion, endless loops, runaway allocation, a missing master
/// layout, and C# that reads files, the environment or starts processes (refused by safe mode unless
/// <c>--trust-layouts</c>). Each case runs the real executable and checks exit code, the diagnostic at its
/// <c>path:line:col</c>, no stack trace, the time, the previous output and the sentinel untouched, no staging left.
/// </summary>
public sealed class LayoutHostileTests
{
    // A site whose every page (and the 404 and search pages) uses layouts/page.cshtml.
    private const string Site = """
        -- site.yml --
        title: Hostile layouts
        base_url: https://hostile.test/
        -- pages/index.md --
        ---
        title: Home
        layout: page
        ---
        The home page links [the guide](guide/index.md).
        -- pages/guide/index.md --
        ---
        title: Guide
        layout: page
        ---
        A guide.
        -- layouts/page.cshtml --
        @model SiteBuilder.Layouts.PageModel
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>@Model.Title</title></head><body>@Raw(Model.Content)</body></html>
        """;

    private static CliRun BuildWith(HostileSite site, string layouts, params string[] args)
    {
        site.Write(layouts);
        return site.Run(["build", "--source", site.Root, .. args], timeout: TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void PartialsThatIncludeEachOtherAreAnErrorAtTheIncludeWithTheChain()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, """
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <html><body>@{ await IncludeAsync("_A", Model); }</body></html>
            -- layouts/_A.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <p>a</p>
              @{ await IncludeAsync("_B", Model); }
            -- layouts/_B.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ await IncludeAsync("_A", Model); }
            """);
        run.AssertExit(2).AssertDiagnostic("layouts/_A.cshtml:3:25: error SB0303: templates include each other in a cycle: _A → _B → _A");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"{run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void APartialThatIncludesItselfIsAnError()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, """
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            <html><body>@{ await IncludeAsync("_Self", Model); }</body></html>
            -- layouts/_Self.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ await IncludeAsync("_Self.cshtml", Model); }
            """);
        run.AssertExit(2).AssertDiagnostic("layouts/_Self.cshtml:2:23: error SB0303: templates include each other in a cycle: _Self → _Self");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALayoutWhoseLayoutIsItselfIsAnError()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@{ Layout = \"page\"; }\n<p>@Model.Title</p>\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:13: error SB0303: layouts include each other in a cycle: page → page");
        site.AssertSafe(run);
    }

    [Fact]
    public void IncludesNamedAtRunTimeStopAtTheDepthLimit()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, """
            -- layouts/page.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ string next = "_" + "A"; }
            <html><body>@{ await IncludeAsync(next, Model); }</body></html>
            -- layouts/_A.cshtml --
            @model SiteBuilder.Layouts.PageModel
            @{ string again = "_" + "A"; }
            @{ await IncludeAsync(again, Model); }
            """);
        run.AssertExit(2).AssertDiagnostic("layouts/_A.cshtml:3: error SB0303: templates nest deeper than 16 while rendering ");
        Assert.Contains("page → _A → _A → _A", run.Stderr);
        site.AssertSafe(run);
    }

    [Fact]
    public void RecursiveCSharpIsStoppedBeforeTheStackOverflows()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@functions {\n    int F(int n) => F(n + 1) + 1;\n}\n<p>@F(0)</p>\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:3:5: error SB0306: layout 'page' recursed too deep while rendering ");
        site.AssertSafe(run);
    }

    [Fact]
    public void TailRecursionThatTheJitMakesALoopIsStoppedToo()
    {
        // The brief's own case: `return F(n + 1)` may become a jump (RyuJIT's tail calls) and then never fills the
        // stack; the guard stops it either way, at the same place: by the stack or by the time limit.
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@functions {\n    int F(int n) => F(n + 1);\n}\n<p>@F(0)</p>\n");
        run.AssertExit(2).AssertNoStackTrace();
        Assert.Matches(@"(?m)^layouts/page\.cshtml:3:5: error SB030[56]: ", run.Stderr);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"{run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void AnEndlessLoopIsStoppedAtTheTimeLimitAndTheBuildFailsWithoutWriting()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<p>@Model.Title</p>\n  @while(true){}\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:3:4: error SB0305: layout 'page' ran longer than 10 s while rendering ");
        // One page spends the limit; the others (two pages, the 404 and search pages) fail at once.
        Assert.InRange(run.Elapsed.TotalSeconds, 10, 45);
        site.AssertSafe(run);
    }

    [Fact]
    public void RunawayAllocationIsStoppedAtTheMemoryBudget()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@{ var all = new System.Collections.Generic.List<string>(); }\n@{ while (true) { all.Add(new string('x', 100000)); } }\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:3:4: error SB0307: layout 'page' allocated more than 512 MiB while rendering ");
        site.AssertSafe(run);
    }

    [Fact]
    public void AMissingMasterLayoutIsAnErrorAtTheLayoutAssignment()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<p>@Model.Title</p>\n@{ Layout = \"nope\"; }\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:3:13: error SB0304: master layout 'nope' not found; layouts/ has: page");
        site.AssertSafe(run);
    }

    [Fact]
    public void ACompileErrorKeepsItsPosition()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<h1>@Model.Titel</h1>\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:12: error SB0301: 'PageModel' does not contain a definition for 'Titel'");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALayoutCannotPublishMachineFilesInSafeMode()
    {
        using var site = HostileSite.Create(Site);
        var run = BuildWith(site, "-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<pre>@System.IO.File.ReadAllText(\"/etc/passwd\")</pre>\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:7: error SB0308: 'System.IO.File.ReadAllText(string)' is not allowed in a layout");
        Assert.Contains("--trust-layouts", run.Stderr);
        site.AssertOutputDoesNotContain("root:x:0:0");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALayoutCannotReadTheEnvironmentInSafeMode()
    {
        using var site = HostileSite.Create(Site);
        site.Write("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<p>@System.Environment.GetEnvironmentVariable(\"DEPLOY_TOKEN\")</p>\n");
        var run = site.Run(["build", "--source", site.Root], new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "s3cr3t-t0ken" });
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:5: error SB0308: 'System.Environment.GetEnvironmentVariable(string)' is not allowed");
        site.AssertOutputDoesNotContain("s3cr3t-t0ken");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALayoutCannotStartAProcessOrWriteFilesInSafeMode()
    {
        using var site = HostileSite.Create(Site);
        string target = Path.Combine(site.Sentinel, "keep.txt");
        var run = BuildWith(site, $"-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n@{{ System.IO.File.WriteAllText(\"{target}\", \"owned\"); }}\n@{{ System.Diagnostics.Process.Start(\"touch\", \"{target}.2\"); }}\n");
        run.AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:4: error SB0308: 'System.IO.File.WriteAllText(string, string?)'")
            .AssertDiagnostic("layouts/page.cshtml:3:4: error SB0308: 'System.Diagnostics.Process.Start(string, string)'");
        site.AssertSafe(run);
    }

    [Fact]
    public void TrustLayoutsLiftsSafeModeForBuildAndCheck()
    {
        using var site = HostileSite.Create(Site);
        site.Write("-- layouts/page.cshtml --\n@model SiteBuilder.Layouts.PageModel\n<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>@Model.Title</title></head><body><p>@System.IO.Path.GetExtension(\"a.cshtml\")</p>@Raw(Model.Content)</body></html>\n");
        site.Run(["build", "--source", site.Root]).AssertExit(2).AssertDiagnostic("layouts/page.cshtml:2:");
        var trusted = site.Run(["build", "--source", site.Root, "--trust-layouts"]);
        trusted.AssertExit(0);
        site.AssertSafe(trusted);
        Assert.Contains("<p>.cshtml</p>", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        site.Run(["check", "--source", site.Root, "--offline", "--trust-layouts"]).AssertExit(0).AssertNoStackTrace();
    }
}
