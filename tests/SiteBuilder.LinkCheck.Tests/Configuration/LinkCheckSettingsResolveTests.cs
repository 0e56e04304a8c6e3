using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Configuration;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Tests.Configuration;

/// <summary>How one run's options, <c>site.yml</c> and the defaults make the external check's settings.</summary>
public sealed class LinkCheckSettingsResolveTests
{
    private static LinkCheckSettings Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var settings = LinkCheckSettingsReader.Read(yaml, "site.yml", bag);
        Assert.Empty(bag.ToSortedList());
        return settings;
    }

    private const string SiteYml = """
        link_check:
          max_concurrency: 4
          host_concurrency: 3
          interval_ms: 500
          timeout: 7.5
          user_agent: site-agent
          accept: 200..299,403
          include: ['^https://']
          exclude: ['linkedin']
          hosts:
            unece.org: { concurrency: 1 }
            example.org: { interval_ms: 1000 }
        """;

    [Fact]
    public void Without_options_site_yml_wins_over_the_defaults_and_a_host_inherits_what_it_leaves_unset()
    {
        var options = Read(SiteYml).Resolve(new LinkCheckOverrides());
        var defaults = new ExternalCheckOptions();
        Assert.Equal((4, TimeSpan.FromSeconds(7.5), defaults.MaxRetries, "site-agent"), (options.MaxConcurrency, options.Timeout, options.MaxRetries, options.UserAgent));
        Assert.True(options.Accept.Contains(403));
        Assert.Equal(new HostSettings(3, TimeSpan.FromMilliseconds(500)), options.Hosts.Default);
        Assert.Equal(new HostSettings(1, TimeSpan.FromMilliseconds(500)), options.Hosts.For("www.unece.org"));
        Assert.Equal(new HostSettings(3, TimeSpan.FromMilliseconds(1000)), options.Hosts.For("example.org"));
        Assert.True(options.IsExcluded("http://example.org/") && options.IsExcluded("https://www.linkedin.com/in/x"));
        Assert.False(options.IsExcluded("https://example.org/"));
        Assert.True(options.DetectSoftNotFound);
    }

    [Fact]
    public void Options_win_over_site_yml_hosts_take_the_options_globals_and_patterns_add_up()
    {
        var options = Read(SiteYml).Resolve(new LinkCheckOverrides
        {
            MaxConcurrency = 9, HostConcurrency = 5, HostInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(2), MaxRetries = 0,
            Accept = StatusCodeSet.Parse("200"), UserAgent = "flag-agent", Exclude = [LinkCheckSettings.Pattern("example")],
            Remaps = [UrlRemap.Parse("^https://a/ http://b/")], DetectSoftNotFound = false,
        });
        Assert.Equal((9, TimeSpan.FromSeconds(2), 0, "flag-agent", false), (options.MaxConcurrency, options.Timeout, options.MaxRetries, options.UserAgent, options.DetectSoftNotFound));
        Assert.False(options.Accept.Contains(403));
        Assert.Equal(new HostSettings(5, TimeSpan.Zero), options.Hosts.Default);
        Assert.Equal(new HostSettings(1, TimeSpan.Zero), options.Hosts.For("unece.org"));
        Assert.Equal(new HostSettings(5, TimeSpan.FromMilliseconds(1000)), options.Hosts.For("example.org"));
        Assert.True(options.IsExcluded("https://www.linkedin.com/") && options.IsExcluded("https://example.org/"));
        Assert.Single(options.Remaps);
    }

    [Fact]
    public void Without_either_the_defaults_stand()
    {
        var options = new LinkCheckSettings().Resolve(new LinkCheckOverrides());
        var defaults = new ExternalCheckOptions();
        Assert.Equal((defaults.MaxConcurrency, defaults.Timeout, defaults.MaxRetries, defaults.UserAgent, defaults.Hosts.Default),
            (options.MaxConcurrency, options.Timeout, options.MaxRetries, options.UserAgent, options.Hosts.Default));
        Assert.Empty(options.Include);
        Assert.False(options.IsExcluded("https://example.org/"));
    }
}
