namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// Hostile inputs against the containment rule: the output folder never holds or is held by the source, nothing is
/// written outside it, nothing outside the source folder is read, and no special file hangs or floods the build.
/// Each case runs the real executable and checks exit code, diagnostic position, and that nothing else changed.
/// </summary>
public sealed class ContainmentHostileTests
{
    private const string Passwd = "root:x:0:0";

    // ---- The output folder ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("pages")]
    [InlineData("pages/out")]
    [InlineData("layouts")]
    [InlineData(".git")]
    [InlineData(".sitebuilder/out")]
    public void AnOutputThatHoldsOrIsInsideTheSourceIsAUsageErrorAndTouchesNothing(string output)
    {
        using var site = HostileSite.Create();
        site.Write("-- layouts/assets/extra.css --\nbody{}\n");
        var run = site.Build("--output", Path.GetFullPath(Path.Combine(site.Root, output)));
        run.AssertExit(3).AssertDiagnostic($"{Path.GetFullPath(Path.Combine(site.Root, output)).TrimEnd('/')}: error SB0005: ");
        Assert.Contains("nothing was written", run.Stderr);
        site.AssertSafe(run);
    }

    [Fact]
    public void AnOutputThatIsAFileIsAUsageError()
    {
        using var site = HostileSite.Create();
        var run = site.Build("--output", Path.Combine(site.Root, "site.yml"));
        run.AssertExit(3).AssertDiagnostic($"{Path.Combine(site.Root, "site.yml")}: error SB0005: the output '");
        site.AssertSafe(run);
    }

    [Fact]
    public void AFolderSiteBuilderDidNotWriteIsNeverReplaced()
    {
        using var site = HostileSite.Create();
        var run = site.Build("--output", site.Sentinel);
        run.AssertExit(3).AssertDiagnostic($"{site.Sentinel}: error SB0005: the output folder '{site.Sentinel}' is not empty and was not written by SiteBuilder");
        site.AssertSafe(run);
    }

    [Fact]
    public void AnEmptyOrSiteBuilderFolderElsewhereIsWrittenAndRewritten()
    {
        using var site = HostileSite.Create();
        string output = Path.Combine(site.Sandbox, "public");
        Directory.CreateDirectory(output);
        site.Build("--output", output).AssertExit(0).AssertNoStackTrace();
        Assert.True(File.Exists(Path.Combine(output, ".sitebuilder-output")));
        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide, again\n---\nChanged.\n");
        site.Build("--output", output).AssertExit(0).AssertNoStackTrace();
        Assert.Contains("Changed.", File.ReadAllText(Path.Combine(output, "guide", "index.html")));
    }

    [Fact]
    public void AnOutputFolderCommittedAsALinkIsRefused()
    {
        using var site = HostileSite.Create(build: false);
        site.Symlink("_site", site.Sentinel);
        var run = site.Build();
        run.AssertExit(3).AssertDiagnostic($"{site.Output}: error SB0005: the output folder '{site.Output}' is a symbolic link");
        site.AssertSafe(run);
    }

    [Fact]
    public void AnOutputReachedThroughALinkInTheSourceIsRefused()
    {
        using var site = HostileSite.Create(build: false);
        site.Symlink("out", Path.Combine(site.Sandbox, "elsewhere"));
        Directory.CreateDirectory(Path.Combine(site.Sandbox, "elsewhere"));
        var run = site.Build("--output", Path.Combine(site.Root, "out", "site"));
        run.AssertExit(3).AssertDiagnostic($"{Path.Combine(site.Root, "out", "site")}: error SB0005: ");
        Assert.Contains("leads outside the source folder through a symbolic link", run.Stderr);
        site.AssertSafe(run);
    }

    [Fact]
    public void AStagingFolderLeftByAKilledBuildIsRemovedByTheNextBuild()
    {
        using var site = HostileSite.Create();
        string stale = Path.Combine(site.Root, "._site.staging-99999999");
        Directory.CreateDirectory(Path.Combine(stale, "guide"));
        File.WriteAllText(Path.Combine(stale, "guide", "index.html"), "half a site");
        string staleOld = Path.Combine(site.Root, "._site.old-99999998");
        Directory.CreateDirectory(staleOld);
        CliRun.Start(site.Root, ["build", "--source", site.Root], null, TimeSpan.FromSeconds(60)).AssertExit(0).AssertNoStackTrace();
        Assert.False(Directory.Exists(stale));
        Assert.False(Directory.Exists(staleOld));
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public void AStagingNameCommittedAsALinkIsRemovedAsALinkNotFollowed()
    {
        using var site = HostileSite.Create();
        site.Symlink("._site.staging-99999999", site.Sentinel);
        CliRun.Start(site.Root, ["build", "--source", site.Root], null, TimeSpan.FromSeconds(60)).AssertExit(0).AssertNoStackTrace();
        Assert.True(File.Exists(Path.Combine(site.Sentinel, "keep.txt")));
        Assert.False(Path.Exists(Path.Combine(site.Root, "._site.staging-99999999")));
    }

    [Fact]
    public void CtrlCDuringABuildLeavesNoStagingFolderAndThePreviousSite()
    {
        using var site = HostileSite.Create();
        string before = File.ReadAllText(Path.Combine(site.Output, "index.html"));
        // Enough pages that the build is still writing when the signal comes.
        for (int i = 0; i < 3000; i++)
            site.Write($"-- pages/bulk/p{i}.md --\n---\ntitle: Page {i}\n---\n{string.Concat(Enumerable.Repeat("Words of a page. ", 200))}\n");
        // The signal comes while pages are being written into the staging folder (whatever the machine's speed).
        bool Writing() => Directory.EnumerateDirectories(site.Root, "._site.staging-*").Any(d => Directory.Exists(Path.Combine(d, "bulk")));
        var run = CliRun.StartAndSignalWhen(site.Root, ["build", "--source", site.Root], Writing, timeout: TimeSpan.FromSeconds(90));
        Assert.False(run.TimedOut);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Output, "index.html")));
        var leftovers = Directory.EnumerateFileSystemEntries(site.Root, "._site.*").ToList();
        Assert.True(leftovers.Count == 0, "left behind: " + string.Join(", ", leftovers));
    }

    // ---- Writes outside the output -------------------------------------------------------------------------------

    [Theory]
    [InlineData("aliases: [../../../../../../outside/]", "pages/guide/old.md:3:11")]
    [InlineData("aliases:\n  - /fine/\n  - ../../../../../../outside", "pages/guide/old.md:5:5")]
    [InlineData("aliases: ['..\\..\\outside\\']", "pages/guide/old.md:3:11")]
    [InlineData("aliases: [\"a/\\u0000/b/\"]", "pages/guide/old.md:3:11")]
    public void AnAliasThatClimbsOutOfTheOutputIsAnErrorAtItsLineAndWritesNothing(string aliases, string at)
    {
        using var site = HostileSite.Create();
        site.Write($"-- pages/guide/old.md --\n---\ntitle: Old\n{aliases}\n---\nBody.\n");
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic($"{at}: error SB0113: alias ");
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("sitemap.xml", "sitemap.xml")]
    [InlineData("/robots.txt/", "robots.txt")]
    [InlineData("404.html", "404.html")]
    [InlineData("/assets/js/search.js", "assets/js/search.js")]
    [InlineData("sitemap.xml/deeper/", "sitemap.xml")]
    public void AnAliasThroughAFileOfTheSiteIsAnErrorAtItsLine(string alias, string file)
    {
        // Its stub would be <alias>/index.html, under a name the site writes as a file: before, the build failed at
        // the output (SB0401) without saying which page asked for it.
        using var site = HostileSite.Create();
        site.Write($"-- pages/guide/old.md --\n---\ntitle: Old\naliases: [\"{alias}\"]\n---\nBody.\n");
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic($"pages/guide/old.md:3:11: error SB0107: the redirect for '/").AssertNoStackTrace();
        Assert.Contains($"needs a folder '{file}', which the site already writes as a file", run.Stderr);
        Assert.DoesNotContain("SB0401", run.Stderr);
        site.AssertSafe(run);
    }

    [Theory]
    // A page whose folder is a file SiteBuilder writes, and an asset where a page needs its folder.
    [InlineData("-- pages/sitemap.xml.md --\n---\ntitle: Map\n---\nBody.\n", "pages/sitemap.xml.md:1:1: error SB0107: this file is written as 'sitemap.xml/index.html', which cannot sit beside 'sitemap.xml'")]
    [InlineData("-- pages/guide/install --\nnot a page\n-- pages/guide/install.md --\n---\ntitle: Install\n---\nBody.\n", "pages/guide/install.md:1:1: error SB0107: this file is written as 'guide/install/index.html', which cannot sit beside 'guide/install'")]
    public void AFileWhereTheSiteNeedsAFolderIsAnErrorAtThePage(string files, string expected)
    {
        using var site = HostileSite.Create();
        site.Write(files);
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic(expected).AssertNoStackTrace();
        Assert.DoesNotContain("SB0401", run.Stderr);
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("https://statswiki.unece.org/display/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e/outside", "SB0113: no redirect stub for ")]
    [InlineData("https://statswiki.unece.org/display/SPACE/a%2F..%2F..%2F..%2F..%2F..%2F..%2Foutside", "SB0113: no redirect stub for ")]
    [InlineData("https://statswiki.unece.org/display/SPACE/a%5C..%5C..%5Coutside", "SB0113: no redirect stub for ")]
    // .NET's URI parser applies encoded dot segments; what is left is no page address at all.
    [InlineData("https://statswiki.unece.org/display/SPACE/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/outside", "SB0109: ")]
    public void AStatswikiAddressThatDecodesToAClimbIsAnErrorAtItsLine(string url, string error)
    {
        using var site = HostileSite.Create();
        site.Write($"-- pages/guide/mirror.md --\n---\ntitle: Mirror\nstatswiki: {url}\n---\nBody.\n");
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic("pages/guide/mirror.md:3:12: error " + error);
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("../../../../x")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void AnIndexSlugThatIsNotOneFolderNameIsAConfigurationError(string slug)
    {
        using var site = HostileSite.Create("""
            -- site.yml --
            title: Hostile test site
            base_url: https://hostile.test/
            sections:
              guide:
                index_by:
                  - field: labels
                    title: By label
            -- pages/index.md --
            ---
            title: Home
            ---
            Home.
            -- pages/guide/index.md --
            ---
            title: Guide
            ---
            A guide.
            """, build: false);
        site.Write($"-- site.yml --\ntitle: Hostile test site\nbase_url: https://hostile.test/\nsections:\n  guide:\n    index_by:\n      - field: labels\n        slug: \"{slug}\"\n");
        var run = site.Build();
        run.AssertExit(3).AssertDiagnostic("site.yml:7:15: error SB0002: 'index_by.slug' must be one folder name");
        site.AssertSafe(run);
    }

    [Fact]
    public void AFileNameThatCannotBeASitePathIsAnError()
    {
        using var site = HostileSite.Create();
        site.Write("-- pages/guide/a\\b.md --\n---\ntitle: Backslash\n---\nBody.\n");
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic("pages/guide/a\\b.md:1:1: error SB0113: this file's name cannot be a path of the site: the path has a backslash");
        site.AssertSafe(run);
    }

    [Fact]
    public void TheSourceMapIsNotWrittenThroughALinkCommittedAtItsPlace()
    {
        using var site = HostileSite.Create(build: false);
        site.Symlink(".sitebuilder", site.Sentinel);
        var run = site.Build();
        run.AssertExit(0).AssertDiagnostic(".sitebuilder:1:1: warning SB0110: the link source map is not written here");
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(site.Sentinel).Select(Path.GetFileName));
        site.AssertSafe(run);
        site.Build("--strict").AssertExit(2);
    }

    // ---- Reads outside the source --------------------------------------------------------------------------------

    [Fact]
    public void ALinkToAMachineFileIsSkippedWithAWarningAndNeverPublished()
    {
        using var site = HostileSite.Create();
        site.Symlink("pages/guide/passwd.txt", "/etc/passwd");
        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n---\nSee [the file](passwd.txt).\n");
        var run = site.Build();
        run.AssertExit(2)
            .AssertDiagnostic("pages/guide/passwd.txt:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder")
            .AssertDiagnostic("pages/guide/index.md:4:5: error SB1001: ");
        site.AssertSafe(run);
        site.AssertOutputDoesNotContain(Passwd);
    }

    [Fact]
    public void AnUnlinkedLinkToAMachineFileBuildsWithAWarningAndStrictFails()
    {
        using var site = HostileSite.Create();
        site.Symlink("pages/guide/passwd.txt", "/etc/passwd");
        var run = site.Build();
        run.AssertExit(0).AssertDiagnostic("pages/guide/passwd.txt:1:1: warning SB0110: ");
        site.AssertSafe(run);
        site.AssertOutputDoesNotContain(Passwd);
        Assert.False(File.Exists(Path.Combine(site.Output, "guide", "passwd.txt")));
        site.Build("--strict").AssertExit(2).AssertDiagnostic("pages/guide/passwd.txt:1:1: warning SB0110: ");
    }

    [Fact]
    public void AFolderLinkOutOfTheSourcePublishesNothingFromThereAndIndexesNothing()
    {
        using var site = HostileSite.Create();
        string outside = Path.Combine(site.Sandbox, "private");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.md"), "---\ntitle: Secret page\n---\nsecret-token-4711\n");
        site.Symlink("pages/guide/private", outside);
        site.Symlink("pages/etc", "/etc");
        var run = site.Build();
        run.AssertExit(0)
            .AssertDiagnostic("pages/etc:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder")
            .AssertDiagnostic("pages/guide/private:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder");
        site.AssertSafe(run);
        site.AssertOutputDoesNotContain("secret-token-4711");
        site.AssertOutputDoesNotContain(Passwd);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "guide", "private")));
    }

    [Fact]
    public void LinksThatStayInsideTheSourceAreFollowed()
    {
        using var site = HostileSite.Create();
        site.Write("-- pages/shared/note.md --\n---\ntitle: Shared note\n---\nshared-text-99\n");
        site.Write("-- pages/shared/index.md --\n---\ntitle: Shared\n---\nShared.\n");
        site.Symlink("pages/guide/note-link.md", "../shared/note.md");
        var run = site.Build();
        run.AssertExit(0).AssertNoStackTrace();
        Assert.Contains("shared-text-99", File.ReadAllText(Path.Combine(site.Output, "guide", "note-link", "index.html")));
        Assert.DoesNotContain("SB0110", run.Stderr);
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("pages/zero.md", "/dev/zero", "skipped: a symbolic link that leads outside the source folder")]
    [InlineData("pages/guide/random.bin", "/dev/urandom", "skipped: a symbolic link that leads outside the source folder")]
    [InlineData("pages/guide/dangling.md", "/nonexistent/target.md", "skipped: a symbolic link to '/nonexistent/target.md', which does not exist")]
    [InlineData("pages/guide/loop.md", "loop.md", "skipped: a symbolic link loop")]
    public void SpecialFilesAndBrokenLinksAreSkippedNeverRead(string path, string target, string message)
    {
        using var site = HostileSite.Create();
        site.Symlink(path, target);
        var run = site.Build();
        run.AssertExit(0).AssertDiagnostic($"{path}:1:1: warning SB0110: {message}");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void ANamedPipeIsSkippedAndDoesNotHangTheBuild()
    {
        using var site = HostileSite.Create();
        site.Fifo("pages/guide/x.md");
        site.Fifo("pages/guide/pipe.png");
        var run = site.Build();
        run.AssertExit(0)
            .AssertDiagnostic("pages/guide/x.md:1:1: warning SB0110: skipped: a named pipe, not a regular file")
            .AssertDiagnostic("pages/guide/pipe.png:1:1: warning SB0110: skipped: a named pipe, not a regular file");
        site.AssertSafe(run);
    }

    [Fact]
    public void AFolderLinkToAnAncestorIsWalkedOnce()
    {
        using var site = HostileSite.Create();
        site.Symlink("pages/guide/again", "..");
        var run = site.Build();
        run.AssertExit(0).AssertDiagnostic("pages/guide/again:1:1: warning SB0110: skipped: this folder is reached a second time");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALinkedSiteConfigurationFromOutsideIsAConfigurationError()
    {
        using var site = HostileSite.Create();
        File.Delete(Path.Combine(site.Root, "site.yml"));
        site.Symlink("site.yml", "/etc/passwd");
        var run = site.Build();
        run.AssertExit(3).AssertDiagnostic("site.yml:1:1: error SB0001: not read: a symbolic link that leads outside the source folder");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALayoutOrThemeAssetLinkedFromOutsideIsNotRead()
    {
        using var site = HostileSite.Create();
        site.Write("""
            -- layouts/_Layout.cshtml --
            <!DOCTYPE html><html><body>@RenderBody()</body></html>
            -- layouts/page.cshtml --
            @{ Layout = "_Layout"; }
            <main>@Raw(Model.Content)</main>
            -- layouts/home.cshtml --
            @{ Layout = "_Layout"; }
            <main>@Raw(Model.Content)</main>
            -- layouts/section.cshtml --
            @{ Layout = "_Layout"; }
            <main>@Raw(Model.Content)</main>
            """);
        site.Symlink("layouts/assets/passwd.css", "/etc/passwd");
        site.Symlink("layouts/_Secret.cshtml", "/etc/passwd");
        var run = site.Build();
        run.AssertDiagnostic("layouts/assets/passwd.css:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder")
            .AssertDiagnostic("layouts/_Secret.cshtml:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder");
        site.AssertSafe(run);
        site.AssertOutputDoesNotContain(Passwd);
    }

    [Fact]
    public void APageLargerThanTheLimitIsAnErrorAtItsPathAndIsNotRead()
    {
        using var site = HostileSite.Create();
        var big = new byte[3 << 20];
        Array.Fill(big, (byte)'a');
        "---\ntitle: Big\n---\n"u8.CopyTo(big);
        site.WriteBytes("pages/guide/big.md", big);
        var run = site.Build();
        run.AssertExit(2).AssertDiagnostic("pages/guide/big.md:1:1: error SB0112: not read: the file is 3 MiB, more than the 2 MiB SiteBuilder reads from one file");
        site.AssertSafe(run);
    }
}
