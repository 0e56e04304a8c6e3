using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Polly;
using Polly.Retry;
using SiteBuilder.LinkCheck.Caching;

namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// Checks external URLs over HTTP, politely: each URL once per run; global and per-host
/// concurrency; a per-host minimum interval; HEAD first, GET where HEAD is refused; retries with
/// exponential backoff and jitter (Polly) for network errors, timeouts and 5xx; <c>Retry-After</c>
/// honoured on 429; redirects followed by hand so loops and permanent moves are seen; bot walls
/// and soft 404s recognized. Thread-safe; one instance per run.
/// </summary>
public sealed class ExternalLinkChecker : IDisposable
{
    private const int MaxBodyBytes = 512 * 1024;
    private static readonly HashSet<int> HeadRefusedCodes = [400, 403, 405, 406, 501];

    private readonly ExternalCheckOptions _options;
    private readonly LinkCache? _cache;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<UrlCheckResult>>> _results = new(StringComparer.Ordinal);
    private readonly SoftNotFoundDetector _softNotFound = new();
    private readonly ResiliencePipeline<HttpAttempt> _pipeline;
    private int _requests;

    /// <summary>Creates a checker.</summary>
    /// <param name="options">How to check.</param>
    /// <param name="cache">Good results of earlier runs to reuse (and to record into), or null.</param>
    /// <param name="time">The clock for cache ages and <c>Retry-After</c> dates; the system clock by default.</param>
    public ExternalLinkChecker(ExternalCheckOptions options, LinkCache? cache = null, TimeProvider? time = null)
    {
        _options = options;
        _cache = cache;
        _time = time ?? TimeProvider.System;
        _global = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed by hand: loops, hop limit and permanent moves must be seen
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        _pipeline = BuildPipeline(options);
    }

    /// <summary>HTTP requests sent so far (retries, redirect hops and probes included).</summary>
    public int RequestsSent => Volatile.Read(ref _requests);

    /// <summary>Checks a URL; a URL already checked in this run (fragment aside) is not requested again.</summary>
    public Task<UrlCheckResult> CheckAsync(string url, CancellationToken cancellationToken = default)
    {
        string key = Collecting.LinkClassifier.WithoutFragment(url);
        return _results.GetOrAdd(key, k => new Lazy<Task<UrlCheckResult>>(() => CheckUncachedAsync(k, cancellationToken))).Value;
    }

    private async Task<UrlCheckResult> CheckUncachedAsync(string url, CancellationToken cancellationToken)
    {
        if (_options.IsExcluded(url)) return new UrlCheckResult(url, LinkStatus.Excluded, null, "excluded by pattern");
        if (_cache?.TryGet(url, _time.GetUtcNow()) is { } cached) return cached with { FromCache = true };
        if (!Uri.TryCreate(url, UriKind.Absolute, out var original)) return new UrlCheckResult(url, LinkStatus.Broken, null, "malformed URL");
        var result = await CheckCoreAsync(url, original, cancellationToken).ConfigureAwait(false);
        _cache?.Record(result, _time.GetUtcNow());
        return result;
    }

    private async Task<UrlCheckResult> CheckCoreAsync(string url, Uri original, CancellationToken cancellationToken)
    {
        var followed = await FollowAsync(original, preferHead: true, cancellationToken).ConfigureAwait(false);
        if (followed.Failure is not null) return new UrlCheckResult(url, LinkStatus.Broken, followed.Last?.Status, followed.Failure);
        var last = followed.Last!;
        if (last.Error is not null) return new UrlCheckResult(url, LinkStatus.Broken, null, last.Error);
        int status = last.Status;
        if (_options.Accept.Contains(status))
        {
            if (status == 200 && _options.DetectSoftNotFound && await IsSoftNotFoundAsync(original, followed.FinalUrl, cancellationToken).ConfigureAwait(false))
                return new UrlCheckResult(url, LinkStatus.Broken, status, "soft 404: the answer is the host's 'page not found' page");
            return followed.Permanent
                ? new UrlCheckResult(url, LinkStatus.Redirected, status, "moved permanently", followed.FinalUrl.AbsoluteUri)
                : new UrlCheckResult(url, LinkStatus.Ok, status, null);
        }
        if (last.BotWall) return new UrlCheckResult(url, LinkStatus.Unverifiable, status, "bot wall (challenge page)");
        if (status == 429) return new UrlCheckResult(url, LinkStatus.Unverifiable, status, "rate limited (429) after retries");
        if (last.IsRedirect) return new UrlCheckResult(url, LinkStatus.Broken, status, "redirect without a Location header");
        string reason = Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : "HTTP error";
        return new UrlCheckResult(url, LinkStatus.Broken, status, $"{status} {reason}");
    }

    private async Task<bool> IsSoftNotFoundAsync(Uri original, Uri final, CancellationToken cancellationToken)
    {
        // The answer came from the final host: a redirect to another host needs that host's template.
        Uri basis = string.Equals(final.Host, original.Host, StringComparison.OrdinalIgnoreCase) ? original : final;
        var template = await _softNotFound.TemplateAsync(basis, async (probe, ct) =>
        {
            var f = await FollowAsync(probe, preferHead: false, ct).ConfigureAwait(false);
            return f.Failure is null && f.Last is { Error: null } a ? (a.Status, a.Body, f.FinalUrl) : (0, null, f.FinalUrl);
        }, RequestUri, cancellationToken).ConfigureAwait(false);
        if (template is null) return false;
        // The first check may have used HEAD: the comparison needs the body.
        var page = await SendWithRetriesAsync(final, HttpMethod.Get, readBody: true, cancellationToken).ConfigureAwait(false);
        return page is { Error: null, Status: 200, Body: { } body }
            && SoftNotFoundDetector.Matches(template, final != original, body, original, RequestUri(original), final, RequestUri(final));
    }

    private sealed record Followed(HttpAttempt? Last, Uri FinalUrl, bool Permanent, string? Failure);

    /// <summary>Requests a URL and follows redirects, in original URL space (remaps apply per request).</summary>
    private async Task<Followed> FollowAsync(Uri original, bool preferHead, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { original.AbsoluteUri };
        Uri current = original;
        bool permanent = false;
        for (int hop = 0; ; hop++)
        {
            var attempt = preferHead
                ? await HeadThenGetAsync(current, cancellationToken).ConfigureAwait(false)
                : await SendWithRetriesAsync(current, HttpMethod.Get, readBody: true, cancellationToken).ConfigureAwait(false);
            if (attempt.Error is not null || !attempt.IsRedirect || attempt.Location is null)
                return new Followed(attempt, current, permanent, null);
            if (hop >= _options.MaxRedirects)
                return new Followed(attempt, current, permanent, $"more than {_options.MaxRedirects} redirects");
            if (!Uri.TryCreate(current, attempt.Location, out var next) || (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps))
                return new Followed(attempt, current, permanent, $"redirect to an invalid URL '{attempt.Location}'");
            next = new UriBuilder(next) { Fragment = "" }.Uri;
            if (!visited.Add(next.AbsoluteUri))
                return new Followed(attempt, current, permanent, $"redirect loop at {next.AbsoluteUri}");
            permanent |= attempt.Status is 301 or 308;
            current = next;
        }
    }

    private async Task<HttpAttempt> HeadThenGetAsync(Uri url, CancellationToken cancellationToken)
    {
        var head = await SendWithRetriesAsync(url, HttpMethod.Head, readBody: false, cancellationToken).ConfigureAwait(false);
        // Many servers refuse or mishandle HEAD; a GET is the real test before calling the link broken.
        if (head.Error is null && HeadRefusedCodes.Contains(head.Status) && !head.BotWall)
            return await SendWithRetriesAsync(url, HttpMethod.Get, readBody: false, cancellationToken).ConfigureAwait(false);
        return head;
    }

    private async Task<HttpAttempt> SendWithRetriesAsync(Uri url, HttpMethod method, bool readBody, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            static async (state, ct) => await state.Self.SendOnceAsync(state.Url, state.Method, state.ReadBody, ct).ConfigureAwait(false),
            (Self: this, Url: url, Method: method, ReadBody: readBody),
            cancellationToken).ConfigureAwait(false);

    private async ValueTask<HttpAttempt> SendOnceAsync(Uri url, HttpMethod method, bool readBody, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(url.Host, host => new HostGate(_options.Hosts.For(host)));
        using var slot = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await _global.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            Interlocked.Increment(ref _requests);
            try
            {
                using var request = new HttpRequestMessage(method, RequestUri(url));
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                string? body = method == HttpMethod.Get && (readBody || status is 403 or 429 or 503)
                    ? await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false)
                    : null;
                return new HttpAttempt(
                    status,
                    response.Headers.Location?.OriginalString,
                    RetryAfterParser.Parse(response.Headers.RetryAfter, _time.GetUtcNow()),
                    BotWallDetector.IsBotWall(status, response.Headers, body),
                    body,
                    null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return HttpAttempt.Failed($"timed out after {_options.Timeout.TotalSeconds:0.###} s");
            }
            catch (HttpRequestException ex)
            {
                return HttpAttempt.Failed(Describe(ex));
            }
            catch (IOException ex)
            {
                return HttpAttempt.Failed($"network error: {ex.Message}");
            }
        }
        finally
        {
            _global.Release();
        }
    }

    private Uri RequestUri(Uri url) => new(UrlRemap.Apply(_options.Remaps, url.AbsoluteUri));

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        int total = 0, read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            total += read;
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static string Describe(HttpRequestException ex)
    {
        Exception inner = ex;
        while (inner.InnerException is not null) inner = inner.InnerException;
        string kind = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "TLS error",
            HttpRequestError.ResponseEnded => "connection closed before the response ended",
            _ => "network error",
        };
        return inner == ex ? $"{kind}: {ex.Message}" : $"{kind}: {inner.Message}";
    }

    private static ResiliencePipeline<HttpAttempt> BuildPipeline(ExternalCheckOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpAttempt>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true }),
                // A server's Retry-After wins over our backoff, up to the cap; null falls back to the backoff.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)(wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait) : null),
            });
        }
        return builder.Build();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _http.Dispose();
        _global.Dispose();
    }
}
