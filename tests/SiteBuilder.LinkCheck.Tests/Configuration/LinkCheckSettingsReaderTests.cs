using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Configuration;

namespace SiteBuilder.LinkCheck.Tests.Configuration;

public sealed class LinkCheckSettingsReaderTests
{
    [Fact]
    public void ReadsTheLinkCheckSection_WithPerHostSettings()
    {
        const string yaml = """
            title: Migration statistics
            link_check:
              max_concurrency: 4
              host_concurrency: 3
              interval_ms: 500
              timeout: 7.5
              max_retries: 1
              accept: 200..299,403
              exclude: ['^https://www\.linkedin\.com/']
              hosts:
                "unece.org": { concurrency: 1, interval_ms: 1000 }
                example.org:
                  concurrency: 2
            """;
        var bag = new DiagnosticBag();
        var s = LinkCheckSettingsReader.Read(yaml, "site.yml", bag);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(4, s.MaxConcurrency);
        Assert.Equal(3, s.HostConcurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.HostInterval);
        Assert.Equal(TimeSpan.FromSeconds(7.5), s.Timeout);
        Assert.Equal(1, s.MaxRetries);
        Assert.True(s.Accept!.Contains(403));
        Assert.Equal([@"^https://www\.linkedin\.com/"], s.Exclude);
        Assert.Equal(new HostOverride(1, TimeSpan.FromSeconds(1)), s.Hosts["unece.org"]);
        Assert.Equal(new HostOverride(2, null), s.Hosts["example.org"]);
    }

    [Fact]
    public void BadValuesAndUnknownKeys_AreDiagnosticsAtTheirYamlPositions()
    {
        const string yaml = "link_check:\n  host_concurrency: zero\n  colour: blue\n";
        var bag = new DiagnosticBag();
        LinkCheckSettingsReader.Read(yaml, "site.yml", bag);
        Assert.Equal(
        [
            "site.yml:2:21: error SB0002: link_check.host_concurrency must be a whole number from 1 to 1000",
            "site.yml:3:3: warning SB0003: unknown key 'link_check.colour'",
        ], bag.ToSortedList().Select(d => d.ToString()));
    }

    [Fact]
    public void NoSectionOrNoFile_GivesEmptySettings()
    {
        var bag = new DiagnosticBag();
        Assert.Null(LinkCheckSettingsReader.Read("title: x\n", "site.yml", bag).MaxConcurrency);
        Assert.Null(LinkCheckSettingsReader.ReadFile("/nonexistent/site.yml", "site.yml", bag).Timeout);
        Assert.False(bag.HasErrors);
    }

    private static string[] Lines(string yaml)
    {
        var bag = new DiagnosticBag();
        LinkCheckSettingsReader.Read(yaml, "site.yml", bag);
        return bag.ToSortedList().Select(d => d.ToString()).ToArray();
    }

    [Fact]
    public void KeysThatAreNotNamesAreErrorsAtTheKeyAndTheRestIsRead()
    {
        var bag = new DiagnosticBag();
        var s = LinkCheckSettingsReader.Read("link_check:\n  [a]: 1\n  max_retries: 2\n  hosts:\n    {h: 1}: {}\n    x.org: {? [c]: 1, concurrency: 3}\n", "site.yml", bag);
        Assert.Equal(
        [
            "site.yml:2:3: error SB0002: a key of 'link_check' must be a name, not a sequence; this entry is ignored",
            "site.yml:5:5: error SB0002: a key of 'link_check.hosts' must be a name, not a mapping; this entry is ignored",
            "site.yml:6:15: error SB0002: a key of 'link_check.hosts.x.org' must be a name, not a sequence; this entry is ignored",
        ], bag.ToSortedList().Select(d => d.ToString()));
        Assert.Equal(2, s.MaxRetries);
        Assert.Equal(new HostOverride(3, null), s.Hosts["x.org"]);
    }

    [Fact]
    public void AnInvalidPatternIsAnErrorAtItsLineAndTheValidOnesAreKept()
    {
        var bag = new DiagnosticBag();
        var s = LinkCheckSettingsReader.Read("link_check:\n  exclude:\n    - '^https://a/'\n    - '(unclosed'\n", "site.yml", bag);
        var error = Assert.Single(bag.ToSortedList()).ToString();
        Assert.StartsWith("site.yml:4:7: error SB0002: link_check.exclude must be a list of regular expressions; '(unclosed' is not one (", error);
        Assert.Equal(["^https://a/"], s.Exclude);
    }

    [Theory]
    [InlineData("timeout: 1e300", "site.yml:2:12: error SB0002: link_check.timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("timeout: .nan", "site.yml:2:12: error SB0002: link_check.timeout must be a number of seconds above 0 and at most 86400 (a day)")]
    [InlineData("max_retries: 101", "site.yml:2:16: error SB0002: link_check.max_retries must be a whole number from 0 to 100")]
    [InlineData("max_concurrency: 1001", "site.yml:2:20: error SB0002: link_check.max_concurrency must be a whole number from 1 to 1000")]
    [InlineData("interval_ms: -1", "site.yml:2:16: error SB0002: link_check.interval_ms must be a whole number of milliseconds from 0 to 600000")]
    public void AbsurdNumbersAreErrorsAtTheirValue(string setting, string expected) =>
        Assert.Equal([expected], Lines("link_check:\n  " + setting + "\n"));

    [Fact]
    public void TheLargestAllowedValuesAreRead()
    {
        var bag = new DiagnosticBag();
        var s = LinkCheckSettingsReader.Read("link_check:\n  timeout: 86400\n  max_retries: 100\n  max_concurrency: 1000\n  interval_ms: 600000\n", "site.yml", bag);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(TimeSpan.FromDays(1), s.Timeout);
        Assert.Equal(100, s.MaxRetries);
    }

    [Fact]
    public void HostileYamlIsADiagnosticNeverAnException()
    {
        // The root and link_check are two levels: the 63rd '[' (column 11 + 63) is the 65th.
        Assert.Equal(["site.yml:2:74: error SB0006: YAML refused: YAML nested more than 64 levels deep here"],
            Lines("link_check:\n  exclude: " + new string('[', 50_000) + "\n"));
        Assert.Equal(["site.yml:3:14: error SB0001: invalid YAML: a mapping here cannot be read (a key without a value; an empty ':' or '?' key above it?)"],
            Lines("link_check:\n  :\n    timeout: 3\n"));
    }

    [Fact]
    public void ALatin1FileIsAnErrorAtTheFirstBadByte()
    {
        string dir = Directory.CreateTempSubdirectory("linkcheck-latin1-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "site.yml"), [.. "link_check:\n  user_agent: caf"u8, 0xE9, (byte)'\n']);
            var bag = new DiagnosticBag();
            LinkCheckSettingsReader.ReadFile(Path.Combine(dir, "site.yml"), "site.yml", bag);
            Assert.Equal(["site.yml:2:18: error SB0001: site.yml is not valid UTF-8 (byte 0xE9 at offset 29); save it as UTF-8"],
                bag.ToSortedList().Select(d => d.ToString()));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
