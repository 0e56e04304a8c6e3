using System.Text;

namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// Hostile YAML in front matter and <c>site.yml</c>: nesting 50,000 deep (flow and block), billion laughs, a huge
/// node count, keys that are not names in each of the four readers, merge keys, tags, aliases as keys, and the minor
/// cases (a null title, a Latin-1 <c>site.yml</c>, negative budgets, bad link-check patterns, an invalid schema).
/// Each case runs the real executable and checks the exit code, the diagnostic at its <c>path:line:col</c>, no stack
/// trace, the time, and that the previous output and the source are as they were.
/// </summary>
public sealed class YamlHostileTests
{
    private const string Page = "pages/guide/hostile.md";

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    // The page's YAML starts at line 2, after the opening fence: every position is the page's own line.
    private static CliRun BuildFrontMatter(HostileSite site, string yaml, params string[] args)
    {
        site.WriteBytes(Page, Encoding.UTF8.GetBytes("---\n" + yaml + "---\nBody.\n"));
        return site.Run(["build", "--source", site.Root, .. args]);
    }

    private static CliRun BuildSiteYml(HostileSite site, string yaml)
    {
        site.WriteBytes("site.yml", Encoding.UTF8.GetBytes(yaml));
        return site.Build();
    }

    private static CliRun CheckLinks(HostileSite site, string yaml)
    {
        site.WriteBytes("site.yml", Encoding.UTF8.GetBytes(yaml));
        return site.Run(["check-links", "--source", site.Root, "--offline"]);
    }

    private static void AssertFast(CliRun run) =>
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed.TotalSeconds:F1} s");

    // ---- Depth, size and aliases -----------------------------------------------------------------------------------

    public static TheoryData<string, string, string> TooDeep => new()
    {
        // The root mapping is the first level: the 64th '[' (column 3 + 64) is the 65th.
        { "flow", "title: T\nx: " + Repeat("[", 50_000) + "\n", "3:67" },
        { "flow mappings", "title: T\nx: " + Repeat("{a: ", 50_000) + "\n", "3:256" },
        // Compact block sequences, "- - - …": the 64th dash (column 1 + 2 × 63) is the 65th level.
        { "block sequences", "title: T\nx:\n" + Repeat("- ", 50_000) + "x\n", "4:127" },
        // Block mappings by indentation, one space a level (about as deep as a page can hold): level k starts at
        // line k + 2, column k.
        { "block indentation", "title: T\n" + string.Concat(Enumerable.Range(0, 1_500).Select(i => new string(' ', i) + "a:\n")), "67:65" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void FrontMatterNestedPastTheLimitIsRefusedWhereItCrossesIt(string what, string yaml, string at)
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, yaml);
        run.AssertExit(2).AssertDiagnostic($"{Page}:{at}: error SB0114: YAML refused: YAML nested more than 64 levels deep here");
        AssertFast(run);
        site.AssertSafe(run);
        Assert.NotEmpty(what);
    }

    public static TheoryData<string, string, string> SiteYmlTooDeep => new()
    {
        { "flow", "title: T\nx: " + Repeat("[", 50_000) + "\n", "2:67" },
        { "block sequences", "title: T\nx:\n" + Repeat("- ", 50_000) + "x\n", "3:127" },
        { "block indentation", "title: T\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n")), "66:65" },
        // From CI's fuzzer: a schema's values 200 deep (the field's mapping is level 6, so the 59th '[' is the 65th).
        { "schema values", "title: T\nsections:\n  guide:\n    title: S\n    schema:\n      fields:\n        f:\n          values: " +
                           Repeat("[", 200) + Repeat("]", 200) + "\n", "8:77" },
    };

    [Theory]
    [MemberData(nameof(SiteYmlTooDeep))]
    public void SiteYmlNestedPastTheLimitIsAConfigurationErrorWhereItCrossesIt(string what, string yaml, string at)
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, yaml);
        run.AssertExit(3).AssertDiagnostic($"site.yml:{at}: error SB0006: YAML refused: YAML nested more than 64 levels deep here");
        AssertFast(run);
        site.AssertSafe(run);
        Assert.NotEmpty(what);
    }

    private static string BillionLaughs(string first)
    {
        var text = new StringBuilder(first).Append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++)
            text.Append($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 10))}]\n");
        return text.ToString();
    }

    [Fact]
    public void BillionLaughsInFrontMatterAreRefusedAtTheAliasThatExpandsTooFar()
    {
        using var site = HostileSite.Create();
        // a–d are 12,348 nodes expanded (d is 11,111, and the title 2 more): the 8th '*d' in e, line 7, passes 100,000.
        var run = BuildFrontMatter(site, BillionLaughs("title: T\n"));
        run.AssertExit(2).AssertDiagnostic(
            $"{Page}:7:36: error SB0114: YAML refused: aliases expand to more than 100,000 nodes (the alias '*d' stands for 11,111)");
        AssertFast(run);
        site.AssertSafe(run);
    }

    [Fact]
    public void BillionLaughsInSiteYmlAreAConfigurationError()
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, BillionLaughs("title: T\n"));
        run.AssertExit(3).AssertDiagnostic(
            "site.yml:6:36: error SB0006: YAML refused: aliases expand to more than 100,000 nodes (the alias '*d' stands for 11,111)");
        AssertFast(run);
        site.AssertSafe(run);
    }

    [Fact]
    public void ACyclicAliasIsRefused()
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: T\nlabels: &a [x, *a]\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:16: error SB0114: YAML refused: the alias '*a' refers to a node that holds it (a cycle)");
        site.AssertSafe(run);
    }

    [Fact]
    public void MoreThanAHundredThousandNodesAreRefused()
    {
        using var site = HostileSite.Create();
        // The root mapping, 'title', 'T', 'labels' and the sequence are 5 nodes: item 99,996 is the 100,001st.
        var run = BuildFrontMatter(site, "title: T\nlabels: [" + string.Join(",", Enumerable.Repeat("x", 120_000)) + "]\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:{10 + 2 * 99_995}: error SB0114: YAML refused: more than 100,000 YAML nodes");
        AssertFast(run);
        site.AssertSafe(run);
    }

    [Fact]
    public void AHugeSiteYmlIsRefused()
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, "title: T\nx: [" + string.Join(",", Enumerable.Repeat("1", 120_000)) + "]\n");
        run.AssertExit(3).AssertDiagnostic($"site.yml:2:{5 + 2 * 99_995}: error SB0006: YAML refused: more than 100,000 YAML nodes");
        site.AssertSafe(run);
    }

    // ---- What YamlDotNet cannot load -------------------------------------------------------------------------------

    [Fact]
    public void AnEmptySectionKeyWithSettingsIsASyntaxErrorNotACrash()
    {
        // From CI's fuzzer: YamlDotNet's loader threw ArgumentException ("The current event is of an unsupported type").
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, "title: T\nsections:\n  :\n    title: S\n");
        run.AssertExit(3).AssertDiagnostic("site.yml:4:12: error SB0001: invalid YAML: a mapping here cannot be read");
        site.AssertSafe(run);
    }

    [Fact]
    public void FrontMatterFromCisFuzzerIsDiagnosedNotACrash()
    {
        // Keys '*: ../' (an alias named ':'), a flow mapping with an empty key, a second title behind a byte-order mark.
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: T\n*: ../\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:2: error SB0102: invalid YAML: While scanning an anchor or alias, found value containing disallowed");
        site.AssertSafe(run);

        run = BuildFrontMatter(site, "title: T\naliases: {\n: [missing.md, x] da, y}\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:10: error SB0104: 'aliases' must be a URL or a list of URLs");
        site.AssertSafe(run);

        run = BuildFrontMatter(site, "title: T\n\uFEFFtitle: again\n", "--strict");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:1: warning SB0105: unknown front-matter key '\uFEFFtitle'");
        site.AssertSafe(run);
    }

    [Fact]
    public void AnAliasToNoAnchorIsASyntaxError()
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: T\nlabels: [*later]\nx: &later y\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:10: error SB0102: invalid YAML: the alias '*later' refers to no anchor '&later' before it");
        site.AssertSafe(run);
    }

    // ---- Keys that are not names, in each reader ---------------------------------------------------------------------

    [Theory]
    [InlineData("[a]: c\n", "3:1", "sequence")]
    [InlineData("? [a, b]: x\n", "3:3", "mapping")]
    [InlineData("{a: b}: c\n", "3:1", "mapping")]
    [InlineData("? - a\n  - b\n: x\n", "3:3", "sequence")]
    public void AFrontMatterKeyThatIsNotANameIsAnErrorAndTheRestIsRead(string key, string at, string kind)
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: Still read\n" + key + "weight: 3\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:{at}: error SB0104: a key of the front matter must be a name, not a {kind}; this entry is ignored");
        Assert.DoesNotContain("SB0103", run.Stderr); // the title was read
        site.AssertSafe(run);
    }

    public static TheoryData<string, string, string> SiteYmlKeys => new()
    {
        { "top level", "title: T\n[a]: c\n", "site.yml:2:1: error SB0002: a key in site.yml must be a name, not a sequence" },
        { "search", "title: T\nsearch:\n  {a: b}: 1\n", "site.yml:3:3: error SB0002: a key of 'search' must be a name, not a mapping" },
        { "sections", "title: T\nsections:\n  ? [guide]\n  : {title: G}\n", "site.yml:3:5: error SB0002: a key of 'sections' must be a name, not a sequence" },
        { "a section", "title: T\nsections:\n  guide:\n    [title]: G\n", "site.yml:4:5: error SB0002: a key of section 'guide' must be a name, not a sequence" },
        { "index_by", "title: T\nsections:\n  guide:\n    index_by:\n      - {[field]: x}\n",
          "site.yml:5:10: error SB0002: a key of an 'index_by' entry must be a name, not a sequence" },
        // SectionSchemaLoader: the schema, its fields, and a field.
        { "schema", "title: T\nsections:\n  guide:\n    schema:\n      [fields]: {}\n", "site.yml:5:7: error SB0002: a key of 'schema' must be a name, not a sequence" },
        { "schema fields", "title: T\nsections:\n  guide:\n    schema:\n      fields:\n        {f: 1}: {type: string}\n",
          "site.yml:6:9: error SB0002: a key of 'fields' must be a name, not a mapping" },
        { "schema field", "title: T\nsections:\n  guide:\n    schema:\n      fields:\n        f: {[type]: string}\n",
          "site.yml:6:13: error SB0002: a key of schema field 'f' must be a name, not a sequence" },
        // An alias used as a key, to a mapping.
        { "alias key", "title: T\nbase: &m {a: b}\n? *m\n: x\n", "site.yml:2:7: error SB0002: a key in site.yml must be a name, not a mapping" },
    };

    [Theory]
    [MemberData(nameof(SiteYmlKeys))]
    public void ASiteYmlKeyThatIsNotANameIsAConfigurationErrorAtTheKey(string where, string yaml, string expected)
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, yaml);
        run.AssertExit(3).AssertDiagnostic(expected);
        site.AssertSafe(run);
        Assert.NotEmpty(where);
    }

    [Theory]
    [InlineData("link_check:\n  [timeout]: 3\n", "site.yml:3:3: error SB0002: a key of 'link_check' must be a name, not a sequence")]
    [InlineData("link_check:\n  hosts:\n    {a: b}: {concurrency: 1}\n", "site.yml:4:5: error SB0002: a key of 'link_check.hosts' must be a name, not a mapping")]
    [InlineData("link_check:\n  hosts:\n    x.org: {[concurrency]: 1}\n", "site.yml:4:13: error SB0002: a key of 'link_check.hosts.x.org' must be a name, not a sequence")]
    public void ALinkCheckKeyThatIsNotANameIsAConfigurationErrorAtTheKey(string yaml, string expected)
    {
        using var site = HostileSite.Create();
        var run = CheckLinks(site, "title: T\n" + yaml);
        run.AssertExit(3).AssertDiagnostic(expected);
        site.AssertSafe(run);
    }

    // ---- Merge keys, tags, aliases as keys ---------------------------------------------------------------------------

    [Fact]
    public void AMergeKeyIsAnErrorNotASilentMerge()
    {
        // YAML 1.2 (and YamlDotNet's representation model) does not merge '<<': SiteBuilder says so rather than guess,
        // as an error, so the keys the author meant to merge are never silently missing. A quoted "<<" is a name.
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: T\nweight: &w 3\n<<: {draft: true}\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:4:1: error SB0104: '<<' of the front matter is a YAML 1.1 merge key, which SiteBuilder does not read (it reads YAML 1.2): write the keys out; this entry is ignored");
        site.AssertSafe(run);
        run = BuildFrontMatter(site, "title: T\n\"<<\": x\n", "--strict");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:1: warning SB0105: unknown front-matter key '<<'");
        site.AssertSafe(run);
        // In site.yml it is a configuration error (exit 3) at the key.
        run = BuildSiteYml(site, "title: T\nbase: &b {title: X}\n<<: *b\n");
        run.AssertExit(3).AssertDiagnostic("site.yml:3:1: error SB0002: '<<' in site.yml is a YAML 1.1 merge key");
        site.AssertSafe(run);
    }

    [Fact]
    public void TagsDoNotChangeHowValuesAreRead()
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: !!binary SGVsbG8=\ndescription: !!python/object/apply:os.system [\"echo pwned\"]\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:14: error SB0104: 'description' must be a string");
        site.AssertSafe(run);
    }

    [Fact]
    public void AKeyRepeatedOrRepeatedThroughAnAliasIsASyntaxErrorAtTheKey()
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, "title: T\ntitle: again\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:3:1: error SB0102: invalid YAML: Duplicate key title");
        site.AssertSafe(run);
        // An alias is the node it names: the key reported is the anchored one.
        run = BuildFrontMatter(site, "&k title: T\n*k: again\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:2:1: error SB0102: invalid YAML: Duplicate key title");
        site.AssertSafe(run);
    }

    // ---- Minor cases -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void ANullTitleIsAMissingTitle(string title)
    {
        using var site = HostileSite.Create();
        var run = BuildFrontMatter(site, $"title: {title}\n");
        run.AssertExit(2).AssertDiagnostic($"{Page}:2:1: error SB0103: front matter has no 'title'");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALatin1SiteYmlIsAnErrorAtTheFirstBadByte()
    {
        using var site = HostileSite.Create();
        site.WriteBytes("site.yml", [.. "title: Hostile\ndescription: Caf"u8, 0xE9, .. " au lait\n"u8]);
        var run = site.Build();
        run.AssertExit(3).AssertDiagnostic("site.yml:2:17: error SB0001: site.yml is not valid UTF-8 (byte 0xE9 at offset 31); save it as UTF-8");
        site.AssertSafe(run);
        // check-links reads site.yml too.
        run = site.Run(["check-links", "--source", site.Root, "--offline"]);
        run.AssertExit(3).AssertDiagnostic("site.yml:2:17: error SB0001: site.yml is not valid UTF-8");
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("budget_bytes: -1", "search.budget_bytes", "3:17")]
    [InlineData("budget_bytes: 0", "search.budget_bytes", "3:17")]
    [InlineData("query_budget_bytes: -150000", "search.query_budget_bytes", "3:23")]
    public void ANegativeSearchBudgetIsAConfigurationErrorAtItsLine(string setting, string key, string at)
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, $"title: T\nsearch:\n  {setting}\n");
        run.AssertExit(3).AssertDiagnostic($"site.yml:{at}: error SB0002: '{key}' must be a whole number of at least 1");
        site.AssertSafe(run);
    }

    [Theory]
    [InlineData("timeout: 1e300", "3:12", "link_check.timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("timeout: -1", "3:12", "link_check.timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("max_retries: 2000000000", "3:16", "link_check.max_retries must be a whole number from 0 to 100")]
    [InlineData("max_concurrency: -4", "3:20", "link_check.max_concurrency must be a whole number from 1 to 1000")]
    [InlineData("interval_ms: 2147483647", "3:16", "link_check.interval_ms must be a whole number of milliseconds from 0 to 600000")]
    [InlineData("exclude: ['^https://ok/', '[']", "3:29", "link_check.exclude must be a list of regular expressions; '[' is not one")]
    [InlineData("include: '(?<'", "3:12", "link_check.include must be a list of regular expressions; '(?<' is not one")]
    public void AnAbsurdLinkCheckSettingIsAConfigurationErrorAtItsLine(string setting, string at, string message)
    {
        using var site = HostileSite.Create();
        var run = CheckLinks(site, $"title: T\nlink_check:\n  {setting}\n");
        run.AssertExit(3).AssertDiagnostic($"site.yml:{at}: error SB0002: {message}");
        site.AssertSafe(run);
    }

    [Fact]
    public void AnInvalidSchemaIsAConfigurationError()
    {
        using var site = HostileSite.Create();
        var run = BuildSiteYml(site, "title: T\nsections:\n  guide:\n    schema:\n      fields:\n        f: {type: colour}\n");
        run.AssertExit(3).AssertDiagnostic("site.yml:6:19: error SB0205: unknown field type 'colour'");
        site.AssertSafe(run);
    }
}
