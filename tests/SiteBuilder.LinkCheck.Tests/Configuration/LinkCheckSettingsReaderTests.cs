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
            "site.yml:2:21: error SB0002: link_check.host_concurrency must be a whole number of at least 1",
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
}
