namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// Hostile command lines and environments: every argument error is exit 3 with one line and no stack trace, nothing
/// is written (the previous output and the source stay as they were), and <c>new</c> never writes outside pages/.
/// </summary>
public sealed class CliHostileTests
{
    private static void AssertOneLine(CliRun run, string expected)
    {
        run.AssertNoStackTrace();
        Assert.Equal(expected, run.Stderr.TrimEnd('\n'));
    }

    // ---- serve --port --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("abc")]
    [InlineData("99999")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("8080.5")]
    public void APortThatIsNotOneIsAUsageErrorInOneLine(string port)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["serve", "--source", site.Root, "--port", port]);
        run.AssertExit(3);
        AssertOneLine(run, $"sitebuilder: --port must be a number from 0 to 65535 (0 picks a free port), not '{port}' (see 'sitebuilder serve --help')");
        site.AssertSafe(run);
    }

    // ---- SOURCE_DATE_EPOCH ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("253402300800")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData(" 12")]
    [InlineData("0x10")]
    public void AMalformedSourceDateEpochIsAConfigurationErrorAndWritesNothing(string value)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["build", "--source", site.Root], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value });
        run.AssertExit(3).AssertDiagnostic($"SOURCE_DATE_EPOCH: error SB0020: '{value}' is not a whole number of seconds since 1970-01-01");
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1700000000")]
    [InlineData("253402300799")]
    [InlineData("")]
    public void AWellFormedOrEmptySourceDateEpochBuilds(string value)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["build", "--source", site.Root], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value });
        run.AssertExit(0).AssertNoStackTrace();
    }

    [Fact]
    public void NewRefusesAMalformedSourceDateEpoch()
    {
        using var site = HostileSite.Create();
        var run = site.Run(["new", "guide/fresh", "--title", "Fresh", "--source", site.Root], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "abc" });
        run.AssertExit(3);
        Assert.StartsWith("sitebuilder new: SOURCE_DATE_EPOCH 'abc' is not a whole number", run.Stderr);
        site.AssertSafe(run);
    }

    // ---- new -----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Two\nlines")]
    [InlineData("A\ttab")]
    [InlineData("Line\u2028separator")]
    [InlineData("Bell\u0007")]
    [InlineData("title: injected\n---\n")]
    public void NewRefusesATitleThatIsNotOneLineOfText(string title)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["new", "guide/fresh", "--title", title, "--source", site.Root]);
        run.AssertExit(3);
        AssertOneLine(run, "sitebuilder new: --title must be one line of text, without line breaks, tabs or other control characters");
        site.AssertSafe(run);
    }

    [Fact]
    public void NewEscapesQuotesAndBackslashesSoThePageBuilds()
    {
        using var site = HostileSite.Create();
        var run = site.Run(["new", "guide/fresh", "--title", "A \"quoted\" C:\\path # not a comment: really", "--source", site.Root]);
        run.AssertExit(0).AssertNoStackTrace();
        var build = site.Build();
        build.AssertExit(0).AssertNoStackTrace();
        Assert.Contains("A &quot;quoted&quot; C:\\path # not a comment: really", File.ReadAllText(Path.Combine(site.Output, "guide", "fresh", "index.html")));
    }

    [Theory]
    [InlineData("../x", "sitebuilder new: '..' is not a valid slug")]
    [InlineData("guide/../../x", "sitebuilder new: '..' is not a valid slug")]
    [InlineData("guide/./x", "sitebuilder new: '.' is not a valid slug")]
    [InlineData("pages/../../x", "sitebuilder new: '..' is not a valid slug")]
    [InlineData("/etc/x", "sitebuilder new: '/etc/x' is not a path below pages/")]
    [InlineData("guide\\x", "sitebuilder new: 'guide\\x' is not a path below pages/")]
    [InlineData("..\\..\\x", "sitebuilder new: '..\\..\\x' is not a path below pages/")]
    [InlineData("guide//x", "sitebuilder new: '' is not a valid slug")]
    public void NewNeverWritesOutsidePages(string target, string message)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["new", target, "--title", "Climb", "--source", site.Root]);
        run.AssertExit(3);
        Assert.StartsWith(message, run.Stderr);
        Assert.DoesNotContain('\n', run.Stderr.TrimEnd('\n'));
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("pages/outside", "outside/fresh", "'pages/outside' is a symbolic link that leads outside the source folder")]
    [InlineData("pages/guide/deeper", "guide/deeper/fresh", "'pages/guide/deeper' is a symbolic link that leads outside the source folder")]
    public void NewDoesNotWriteThroughAFolderLinkLeadingOut(string link, string target, string problem)
    {
        using var site = HostileSite.Create();
        site.Symlink(link, site.Sentinel);
        var run = site.Run(["new", target, "--title", "Through a link", "--source", site.Root]);
        run.AssertExit(3);
        AssertOneLine(run, $"sitebuilder new: pages/{target}.md was not written: {problem}");
        site.AssertSafe(run);
    }

    [Fact]
    public void NewDoesNotWriteThroughADanglingLinkAtThePagesPlace()
    {
        using var site = HostileSite.Create();
        string target = Path.Combine(site.Sentinel, "planted.md");
        site.Symlink("pages/guide/fresh.md", target);
        var run = site.Run(["new", "guide/fresh", "--title", "Planted", "--source", site.Root]);
        run.AssertExit(3);
        AssertOneLine(run, $"sitebuilder new: pages/guide/fresh.md was not written: 'pages/guide/fresh.md' is a symbolic link to '{target}', which does not exist");
        Assert.False(File.Exists(target));
        site.AssertSafe(run);
    }

    // ---- lunr ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[\n  {\"id\": \"a\", \"title\": \"x\"},\n  {\"id\": \"é\", \"title\": \"y\",}\n]\n", "docs.json:3:28: error SB0021: not valid JSON: ")]
    // The end of the file, where the array should have closed.
    [InlineData("[{\"id\": \"a\"}", "docs.json:1:13: error SB0021: not valid JSON: ")]
    [InlineData("", "docs.json:1:1: error SB0021: not valid JSON: ")]
    [InlineData("{\"id\": 1}", "docs.json:1:1: error SB0021: expected a JSON array of documents, found an object")]
    [InlineData("[{\"id\": 1},\n 5]", "docs.json:2:2: error SB0021: document #2 is a number, not an object")]
    [InlineData("[{\"title\": \"x\"}]", "docs.json:1:2: error SB0021: document #1 has no 'id' property to use as its ref (--ref id)")]
    [InlineData("[{\"id\": 1}] []", "docs.json:1:13: error SB0021: not valid JSON: ")]
    public void LunrInputProblemsHaveACodeAndAPosition(string json, string diagnostic)
    {
        using var site = HostileSite.Create();
        site.WriteBytes("docs.json", System.Text.Encoding.UTF8.GetBytes(json));
        var run = site.Run(["lunr", "--input", "docs.json", "--ref", "id", "--field", "title", "--output", Path.Combine(site.Output, "index.json")]);
        run.AssertExit(2).AssertDiagnostic(diagnostic).AssertNoStackTrace();
        Assert.False(File.Exists(Path.Combine(site.Output, "index.json")));
    }

    [Fact]
    public void LunrInputNestedDeeperThanTheReaderGoesIsAnErrorAtItsPosition()
    {
        using var site = HostileSite.Create();
        site.WriteBytes("docs.json", System.Text.Encoding.UTF8.GetBytes("[{\"id\": 1, \"x\": " + new string('[', 100_000) + "}]"));
        var run = site.Run(["lunr", "--input", "docs.json", "--field", "title", "--output", Path.Combine(site.Sandbox, "index.json")]);
        run.AssertExit(2).AssertDiagnostic("docs.json:1:79: error SB0021: not valid JSON: ").AssertNoStackTrace();
    }

    [Fact]
    public void LunrInputLargerThanItReadsIsRefusedUnread()
    {
        using var site = HostileSite.Create();
        string path = Path.Combine(site.Root, "docs.json");
        // Sparse: 257 MiB on paper, nothing on disk.
        using (var file = File.Create(path)) file.SetLength(257L << 20);
        var run = site.Run(["lunr", "--input", "docs.json", "--field", "title", "--output", Path.Combine(site.Sandbox, "index.json")]);
        run.AssertExit(2).AssertDiagnostic("docs.json: error SB0021: the file is 257 MiB, more than the 256 MiB the lunr command reads").AssertNoStackTrace();
    }

    [Fact]
    public void LunrWithoutItsInputIsAUsageError()
    {
        using var site = HostileSite.Create();
        var run = site.Run(["lunr", "--input", "missing.json", "--field", "title"]);
        run.AssertExit(3);
        AssertOneLine(run, $"sitebuilder lunr: input file '{Path.Combine(site.Root, "missing.json")}' does not exist");
    }

    // ---- check-links ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("--timeout", "NaN", "sitebuilder check-links: --timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("--timeout", "1e400", "sitebuilder check-links: --timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("--timeout", "-1", "sitebuilder check-links: --timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("--max-concurrency", "abc", "sitebuilder: --max-concurrency: 'abc' is not a whole number (see 'sitebuilder check-links --help')")]
    [InlineData("--max-concurrency", "0", "sitebuilder check-links: --max-concurrency must be at least 1")]
    [InlineData("--timeout", "soon", "sitebuilder: --timeout: 'soon' is not a number (see 'sitebuilder check-links --help')")]
    [InlineData("--format", "xml", "sitebuilder check-links: unknown --format 'xml' (text, json, github, sarif, markdown)")]
    [InlineData("--policy", "sometimes", "sitebuilder check-links: unknown --policy 'sometimes' (any, pr, scheduled)")]
    [InlineData("--cache-max-age", "-1d", "sitebuilder check-links: --cache-max-age '-1d' is not a duration such as 1d or 12h")]
    [InlineData("--include", "[", "sitebuilder check-links: include pattern '[' is not a valid regular expression: Invalid pattern '[' at offset 1. Unterminated [] set.")]
    [InlineData("--fail-after", "x", "sitebuilder: --fail-after: 'x' is not a whole number (see 'sitebuilder check-links --help')")]
    public void CheckLinksFlagErrorsAreOneLineAndExit3(string flag, string value, string message)
    {
        using var site = HostileSite.Create();
        var run = site.Run(["check-links", "--source", site.Root, "--offline", flag, value]);
        run.AssertExit(3);
        AssertOneLine(run, message);
        site.AssertSafe(run);
    }

    [Fact]
    public void AnUnknownOptionIsOneLineAndExit3()
    {
        using var site = HostileSite.Create();
        var run = site.Build("--no-such-option");
        run.AssertExit(3);
        AssertOneLine(run, "sitebuilder: Unrecognized command or argument '--no-such-option' (see 'sitebuilder build --help')");
        site.AssertSafe(run);
    }
}
