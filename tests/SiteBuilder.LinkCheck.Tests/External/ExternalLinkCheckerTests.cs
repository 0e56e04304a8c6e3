using System.Diagnostics;
using SiteBuilder.LinkCheck.Caching;
using SiteBuilder.LinkCheck.External;
using SiteBuilder.LinkCheck.Tests.Support;

namespace SiteBuilder.LinkCheck.Tests.External;

/// <summary>Each behaviour of the fake unece.org on 127.0.0.1 is classified right, politely.</summary>
public sealed class ExternalLinkCheckerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly FakeUneceServer _server = fixture.Server;

    // Soft-404 probes are off unless a test is about them, so request counts are exact.
    private ExternalCheckOptions Options(int retries = 2, double timeoutSeconds = 2, int hostConcurrency = 4, int intervalMs = 0, bool softNotFound = false) => new()
    {
        DetectSoftNotFound = softNotFound,
        Remaps = _server.Remaps,
        MaxRetries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
        Hosts = new HostSettingsTable(new HostSettings(hostConcurrency, TimeSpan.FromMilliseconds(intervalMs))),
    };

    private async Task<(UrlCheckResult Result, IReadOnlyList<FakeUneceServer.Hit> Hits)> CheckOne(string behaviour, ExternalCheckOptions? options = null)
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(options ?? Options());
        var result = await checker.CheckAsync($"https://unece.org/{key}/{behaviour}");
        return (result, _server.Hits(key));
    }

    [Fact]
    public async Task Ok200_IsOk_WithOneHeadRequest_AndKeepsTheOriginalUrl()
    {
        var (result, hits) = await CheckOne("ok");
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(200, result.Code);
        Assert.StartsWith("https://unece.org/", result.Url);
        Assert.Equal(["HEAD"], hits.Select(h => h.Method));
    }

    [Fact]
    public async Task Permanent301ToOk_IsRedirected_WithTheNewUrlInOriginalUrlSpace()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options());
        var result = await checker.CheckAsync($"https://unece.org/{key}/moved");
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.Equal(200, result.Code);
        Assert.Equal($"https://unece.org/{key}/ok", result.RedirectedTo);
    }

    [Fact]
    public async Task Temporary302ToOk_IsOk()
    {
        var (result, hits) = await CheckOne("found");
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task RedirectLoop_IsBroken_AndDetectedWithoutRunningToTheHopLimit()
    {
        var (result, hits) = await CheckOne("loop-a");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Contains("redirect loop", result.Message);
        Assert.Equal(2, hits.Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task NotFoundAndGone_AreBroken_WithTheirCode_AndNotRetried(int code)
    {
        var (result, hits) = await CheckOne($"status/{code}");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(code, result.Code);
        Assert.Single(hits);
    }

    [Fact]
    public async Task ServerError500ThenOk_IsOk_AfterOneRetry()
    {
        var (result, hits) = await CheckOne("flaky");
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task TooManyRequests429_WaitsForRetryAfter_ThenOk()
    {
        var (result, hits) = await CheckOne("ratelimited");
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(2, hits.Count);
        var waited = Stopwatch.GetElapsedTime(hits[0].Timestamp, hits[1].Timestamp);
        Assert.True(waited >= TimeSpan.FromMilliseconds(990), $"the second request came {waited.TotalMilliseconds} ms after the 429 with Retry-After: 1");
    }

    [Fact]
    public async Task ServiceUnavailable503Always_IsBroken_AfterAllRetries()
    {
        var (result, hits) = await CheckOne("down", Options(retries: 2));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(503, result.Code);
        Assert.Equal(3, hits.Count);
    }

    [Fact]
    public async Task SlowerThanTheTimeout_IsBroken_AsATimeout()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options(retries: 1, timeoutSeconds: 0.3));
        var result = await checker.CheckAsync($"https://unece.org/{key}/slow");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Null(result.Code);
        Assert.Contains("timed out", result.Message);
        // Counted by the client: on a loaded machine a retry can time out before the server dispatches it.
        Assert.Equal(2, checker.RequestsSent);
        Assert.NotEmpty(_server.Hits(key));
    }

    [Fact]
    public async Task ConnectionReset_IsBroken_AsANetworkError_AfterRetries()
    {
        var (result, hits) = await CheckOne("reset", Options(retries: 1));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Null(result.Code);
        Assert.DoesNotContain("timed out", result.Message);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task HeadRefused405_FallsBackToGet_WhichIsOk()
    {
        var (result, hits) = await CheckOne("nohead");
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(["HEAD", "GET"], hits.Select(h => h.Method));
    }

    [Fact]
    public async Task BotWall403WithCfMitigated_IsUnverifiable_NotBroken()
    {
        var (result, _) = await CheckOne("botwall");
        Assert.Equal(LinkStatus.Unverifiable, result.Status);
        Assert.Equal(403, result.Code);
    }

    [Fact]
    public async Task Status999_IsUnverifiable()
    {
        var (result, _) = await CheckOne("linkedin");
        Assert.Equal(LinkStatus.Unverifiable, result.Status);
        Assert.Equal(999, result.Code);
    }

    [Fact]
    public async Task AcceptedStatusCodes_TurnA404IntoOk()
    {
        var (result, _) = await CheckOne("status/404", Options() with { Accept = StatusCodeSet.Parse("200..299,404") });
        Assert.Equal(LinkStatus.Ok, result.Status);
    }

    [Fact]
    public async Task SoftNotFound_200PageThatIsTheHostsNotFoundTemplate_IsBroken_WhileARealPageIsOk()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options(softNotFound: true));
        var missing = await checker.CheckAsync($"https://soft.unece.org/{key}/info/Statistics/pub/99999");
        var real = await checker.CheckAsync($"https://soft.unece.org/{key}/real");
        Assert.Equal(LinkStatus.Broken, missing.Status);
        Assert.Equal(200, missing.Code);
        Assert.Contains("soft 404", missing.Message);
        Assert.Equal(LinkStatus.Ok, real.Status);
        var hits = _server.Hits(key);
        // One probe for the host, in the directory of the first link: /info/Statistics/pub/<random>.
        var probes = hits.Where(h => h.Path.Contains("sitebuilder-probe-")).ToList();
        Assert.Single(probes);
        Assert.StartsWith($"/soft/{key}/info/Statistics/pub/sitebuilder-probe-", probes[0].Path);
    }

    [Fact]
    public async Task SoftNotFound_OnAHostThatRedirectsUnknownPathsHome_FlagsRedirectedLinks_NotTheHomePageItself()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options(softNotFound: true));
        var home = await checker.CheckAsync($"https://redir.unece.org/{key}/home");
        var real = await checker.CheckAsync($"https://redir.unece.org/{key}/real");
        var gone = await checker.CheckAsync($"https://redir.unece.org/{key}/old-document");
        Assert.Equal(LinkStatus.Ok, home.Status);
        Assert.Equal(LinkStatus.Ok, real.Status);
        Assert.Equal(LinkStatus.Broken, gone.Status);
        Assert.Contains("soft 404", gone.Message);
    }

    [Fact]
    public async Task SoftNotFoundProbe_OnAHostWithReal404s_CostsOneRequestAndTrusts200s()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options(softNotFound: true));
        var a = await checker.CheckAsync($"https://unece.org/{key}/ok");
        var b = await checker.CheckAsync($"https://unece.org/{key}/nohead");
        Assert.Equal(LinkStatus.Ok, a.Status);
        Assert.Equal(LinkStatus.Ok, b.Status);
        Assert.Single(_server.Hits(key), h => h.Path.Contains("sitebuilder-probe-"));
    }

    [Fact]
    public async Task EachUrl_IsRequestedOncePerRun_FragmentsAside()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options());
        string url = $"https://unece.org/{key}/ok";
        var results = await Task.WhenAll(checker.CheckAsync(url), checker.CheckAsync(url + "#part"), checker.CheckAsync(url));
        Assert.All(results, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Single(_server.Hits(key));
    }

    [Fact]
    public async Task ExcludedAndNotIncludedUrls_AreExcluded_WithoutARequest()
    {
        string key = ServerFixture.NewKey();
        var options = Options() with
        {
            Include = [new System.Text.RegularExpressions.Regex("unece")],
            Exclude = [new System.Text.RegularExpressions.Regex("/skip/")],
        };
        using var checker = new ExternalLinkChecker(options);
        var excluded = await checker.CheckAsync($"https://unece.org/{key}/skip/ok");
        var notIncluded = await checker.CheckAsync("https://example.invalid/x");
        Assert.Equal(LinkStatus.Excluded, excluded.Status);
        Assert.Equal(LinkStatus.Excluded, notIncluded.Status);
        Assert.Empty(_server.Hits(key));
    }

    [Fact]
    public async Task PerHostConcurrency_ServerNeverSeesMoreInFlightThanTheLimit()
    {
        string key = ServerFixture.NewKey();
        using var checker = new ExternalLinkChecker(Options(hostConcurrency: 2) with { MaxConcurrency = 8 });
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => checker.CheckAsync($"https://unece.org/{key}/busy/{i}")));
        Assert.All(results, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(8, _server.Hits(key).Count);
        // Each answer takes 150 ms, so eight at once would overlap: the limit is reached and held.
        Assert.Equal(2, _server.MaxInFlight(key));
    }

    [Fact]
    public async Task PerHostInterval_ServerSeesRequestsSpacedByTheInterval()
    {
        string key = ServerFixture.NewKey();
        var interval = TimeSpan.FromMilliseconds(100);
        using var checker = new ExternalLinkChecker(Options(hostConcurrency: 4, intervalMs: (int)interval.TotalMilliseconds) with { MaxConcurrency = 8 });
        // Warm the connection pool and the code paths: a first request's setup delays its arrival, not its start.
        await checker.CheckAsync($"https://unece.org/{ServerFixture.NewKey()}/ok");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => checker.CheckAsync($"https://unece.org/{key}/ok/{i}")));
        Assert.All(results, r => Assert.Equal(LinkStatus.Ok, r.Status));
        var hits = _server.Hits(key);
        Assert.Equal(8, hits.Count);
        var gaps = hits.Zip(hits.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp)).Order().ToList();
        var span = Stopwatch.GetElapsedTime(hits[0].Timestamp, hits[^1].Timestamp);
        // Unthrottled, eight fast answers with four in flight would all arrive within a few milliseconds.
        // Arrival times also carry the client's scheduling jitter (one late request shortens one gap and
        // lengthens the next), so the bound is on the span and on the typical gap.
        Assert.True(span >= interval * 7 - TimeSpan.FromMilliseconds(30), $"8 requests arrived within {span.TotalMilliseconds} ms");
        Assert.True(gaps[gaps.Count / 2] >= interval - TimeSpan.FromMilliseconds(10), $"median gap {gaps[gaps.Count / 2].TotalMilliseconds} ms");
    }

    [Fact]
    public async Task HostSettingsFromTheTable_ApplyToSubdomainsToo()
    {
        string key = ServerFixture.NewKey();
        var hosts = new HostSettingsTable(
            new HostSettings(8, TimeSpan.Zero),
            new Dictionary<string, HostSettings> { ["unece.org"] = new(1, TimeSpan.FromMilliseconds(30)) });
        var options = Options() with { Hosts = hosts };
        using var checker = new ExternalLinkChecker(options);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => checker.CheckAsync($"https://unece.org/{key}/busy/{i}")));
        Assert.Equal(1, _server.MaxInFlight(key));
        Assert.Equal(1, hosts.For("statswiki.unece.org").Concurrency);
        Assert.Equal(8, hosts.For("notunece.org").Concurrency);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_CostsAtMostTimeoutTimesAttempts()
    {
        string key = ServerFixture.NewKey();
        var timeout = TimeSpan.FromMilliseconds(400);
        using var checker = new ExternalLinkChecker(Options(retries: 2, timeoutSeconds: timeout.TotalSeconds));
        var watch = Stopwatch.StartNew();
        var result = await checker.CheckAsync($"https://unece.org/{key}/hang");
        watch.Stop();
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(3, checker.RequestsSent);
        Assert.NotEmpty(_server.Hits(key));
        Assert.True(watch.Elapsed >= timeout * 3, $"took {watch.Elapsed}");
        // The slack covers two short backoffs and a loaded machine's scheduling, not another attempt.
        Assert.True(watch.Elapsed < timeout * 3 + TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}, more than timeout × attempts + 1.5 s");
    }

    [Fact]
    public async Task Cache_SecondRunSendsNoRequestForGoodLinks_ButChecksFailuresAgain()
    {
        string key = ServerFixture.NewKey();
        string file = Path.Combine(Path.GetTempPath(), $"linkcache-{key}.json");
        string[] urls = [$"https://unece.org/{key}/ok", $"https://unece.org/{key}/moved", $"https://unece.org/{key}/status/404", $"https://unece.org/{key}/botwall"];
        var options = Options();
        try
        {
            var cache = LinkCache.Load(file, TimeSpan.FromDays(1));
            using (var first = new ExternalLinkChecker(options, cache))
            {
                foreach (var url in urls) await first.CheckAsync(url);
            }
            cache.Save(file);
            int firstRun = _server.Hits(key).Count;

            var reloaded = LinkCache.Load(file, TimeSpan.FromDays(1));
            using var second = new ExternalLinkChecker(options, reloaded);
            var results = await Task.WhenAll(urls.Select(u => second.CheckAsync(u)));

            Assert.Equal([LinkStatus.Ok, LinkStatus.Redirected, LinkStatus.Broken, LinkStatus.Unverifiable], results.Select(r => r.Status));
            Assert.True(results[0].FromCache && results[1].FromCache);
            Assert.Equal($"https://unece.org/{key}/ok", results[1].RedirectedTo);
            var secondRunPaths = _server.Hits(key).Skip(firstRun).Select(h => h.Path).Distinct().Order().ToList();
            Assert.Equal([$"/{key}/botwall", $"/{key}/status/404"], secondRunPaths);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Cache_OlderThanMaxAge_IsCheckedAgain()
    {
        string key = ServerFixture.NewKey();
        string url = $"https://unece.org/{key}/ok";
        var cache = new LinkCache(TimeSpan.FromHours(1));
        cache.Record(new UrlCheckResult(url, LinkStatus.Ok, 200, null), DateTimeOffset.UtcNow - TimeSpan.FromHours(2));
        using var checker = new ExternalLinkChecker(Options(), cache);
        var result = await checker.CheckAsync(url);
        Assert.False(result.FromCache);
        Assert.Single(_server.Hits(key));
    }
}
