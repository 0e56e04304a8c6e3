using SiteBuilder.Cli.LinkCheck;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Tests.External;

public sealed class ParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Mon, 02 Mar 2026 10:00:30 GMT", 30)]
    [InlineData("Mon, 02 Mar 2026 09:00:00 GMT", 0)]
    public void RetryAfter_ReadsSecondsAndHttpDates(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void RetryAfter_IsNullWhenAbsentOrUnreadable(string? header) => Assert.Null(RetryAfterParser.Parse(header, Now));

    [Fact]
    public void StatusCodeSet_ParsesCodesAndRanges()
    {
        var set = StatusCodeSet.Parse("200..299, 403,999");
        Assert.True(set.Contains(204) && set.Contains(403) && set.Contains(999));
        Assert.False(set.Contains(404));
        Assert.Equal("200..299,403,999", set.ToString());
        Assert.Throws<FormatException>(() => StatusCodeSet.Parse("299..200"));
        Assert.Throws<FormatException>(() => StatusCodeSet.Parse("abc"));
    }

    [Fact]
    public void UrlRemap_RewritesWithCaptures_FirstMatchWins()
    {
        IReadOnlyList<UrlRemap> remaps = [UrlRemap.Parse(@"^https://unece\.org/(.*)$ http://127.0.0.1:8080/$1"), UrlRemap.Parse("^https://(.*) http://mirror/$1")];
        Assert.Equal("http://127.0.0.1:8080/info/pub/1", UrlRemap.Apply(remaps, "https://unece.org/info/pub/1"));
        Assert.Equal("http://mirror/example.org/", UrlRemap.Apply(remaps, "https://example.org/"));
        Assert.Equal("ftp://x/", UrlRemap.Apply(remaps, "ftp://x/"));
        Assert.Throws<FormatException>(() => UrlRemap.Parse("nospace"));
        Assert.Throws<FormatException>(() => UrlRemap.Parse("(unclosed http://x/"));
    }

    [Fact]
    public void HostSettingsTable_LongestMatchWins_ForTheHostAndItsSubdomains()
    {
        var table = new HostSettingsTable(new HostSettings(2, TimeSpan.FromMilliseconds(250)), new Dictionary<string, HostSettings>
        {
            ["unece.org"] = new(1, TimeSpan.FromSeconds(1)),
            ["statswiki.unece.org"] = new(3, TimeSpan.Zero),
        });
        Assert.Equal(1, table.For("UNECE.org").Concurrency);
        Assert.Equal(1, table.For("www.unece.org").Concurrency);
        Assert.Equal(3, table.For("statswiki.unece.org").Concurrency);
        Assert.Equal(2, table.For("unece.org.evil.example").Concurrency);
        Assert.Equal(2, table.For("myunece.org").Concurrency);
    }

    [Fact]
    public void SoftNotFoundProbe_IsASiblingInTheSameDirectory()
    {
        var probe = SoftNotFoundDetector.ProbeUrl(new Uri("https://unece.org/info/Statistics/pub/21850"));
        Assert.Matches(@"^https://unece\.org/info/Statistics/pub/sitebuilder-probe-[0-9a-f]{16}$", probe.AbsoluteUri);
        var dir = SoftNotFoundDetector.ProbeUrl(new Uri("https://statswiki.unece.org/display/DIMiS/"));
        Assert.StartsWith("https://statswiki.unece.org/display/sitebuilder-probe-", dir.AbsoluteUri);
    }

    [Theory]
    [InlineData("1d", 24 * 3600)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("30m", 1800)]
    [InlineData("45s", 45)]
    [InlineData("1.5d", 36 * 3600)]
    [InlineData("02:00:00", 7200)]
    public void DurationParser_ReadsUnitsAndTimeSpans(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("forever")]
    [InlineData("-1d")]
    [InlineData("")]
    public void DurationParser_RejectsNonDurations(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
