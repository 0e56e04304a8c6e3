using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, free port) that plays unece.org. Paths are
/// <c>/{key}/{behaviour}[/…]</c>: each test uses its own key, so its log and counters are its own.
/// Soft-404 host pages live under <c>/soft/{key}/…</c>.
/// </summary>
public sealed class FakeUneceServer : IAsyncDisposable
{
    /// <summary>One request as the server saw it.</summary>
    public sealed record Hit(string Key, string Method, string Path, long Timestamp);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Hit> _hits = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();

    private FakeUneceServer(WebApplication app) => _app = app;

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeUneceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeUneceServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("localhost", "127.0.0.1").Replace("[::]", "127.0.0.1").TrimEnd('/');
        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl);
        return server;
    }

    /// <summary>Remaps sending <c>https://unece.org/…</c>, <c>https://soft.unece.org/…</c> and <c>https://redir.unece.org/…</c> here.</summary>
    public IReadOnlyList<UrlRemap> Remaps =>
    [
        UrlRemap.Parse($@"^https?://redir\.unece\.org/(.*)$ {BaseUrl}/redir/$1"),
        UrlRemap.Parse($@"^https?://soft\.unece\.org/(.*)$ {BaseUrl}/soft/$1"),
        UrlRemap.Parse($@"^https?://unece\.org/(.*)$ {BaseUrl}/$1"),
    ];

    /// <summary>Every request of a test key, in arrival order.</summary>
    public IReadOnlyList<Hit> Hits(string key) => _hits.Where(h => h.Key == key).OrderBy(h => h.Timestamp).ToList();

    /// <summary>The most requests of a key the server had in flight at once.</summary>
    public int MaxInFlight(string key) => _maxInFlight.GetValueOrDefault(key);

    private async Task HandleAsync(HttpContext context)
    {
        string[] parts = context.Request.Path.Value!.Trim('/').Split('/');
        bool soft = parts[0] == "soft", redirecting = parts[0] == "redir";
        if (soft || redirecting) parts = parts[1..];
        string key = parts[0];
        string behaviour = parts.Length > 1 ? parts[1] : "";
        string path = context.Request.Path.Value!;
        _hits.Enqueue(new Hit(key, context.Request.Method, path, Stopwatch.GetTimestamp()));
        int now = _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(key, now, (_, m) => Math.Max(m, now));
        try
        {
            if (soft) await SoftHostAsync(context, behaviour, path);
            else if (redirecting) await RedirectingHostAsync(context, key, behaviour);
            else await BehaveAsync(context, key, behaviour, parts);
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    private static Task SoftHostAsync(HttpContext context, string behaviour, string path) =>
        behaviour == "real"
            ? Page(context, 200, "<html><head><title>Data integration</title></head><body><h1>Guidance on data integration</h1><p>Published 2019.</p></body></html>")
            : Page(context, 200, $"<html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>The page {path} does not exist.</p><p>Request {Guid.NewGuid():N} at {DateTime.UtcNow.Ticks}</p></body></html>");

    // A host that sends every unknown path to its home page, which answers 200.
    private static Task RedirectingHostAsync(HttpContext context, string key, string behaviour)
    {
        if (behaviour == "home") return Page(context, 200, "<html><body><h1>UNECE home</h1></body></html>");
        if (behaviour == "real") return Page(context, 200, "<html><body><h1>A real page</h1></body></html>");
        // Locations are in the public URL space: the checker resolves them against the original URL.
        Redirect(context, 302, $"/{key}/home");
        return Task.CompletedTask;
    }

    private async Task BehaveAsync(HttpContext context, string key, string behaviour, string[] parts)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        int count = _counters.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
        switch (behaviour)
        {
            case "ok":
                await Page(context, 200, "<html><body><h1>Migration statistics</h1></body></html>");
                break;
            case "moved":
                Redirect(context, 301, $"/{key}/ok");
                break;
            case "found":
                Redirect(context, 302, $"/{key}/ok");
                break;
            case "loop-a":
                Redirect(context, 302, $"/{key}/loop-b");
                break;
            case "loop-b":
                Redirect(context, 301, $"/{key}/loop-a");
                break;
            case "status":
                response.StatusCode = int.Parse(parts[2]);
                break;
            case "flaky":
                await Page(context, count == 1 ? 500 : 200, "<html>flaky</html>");
                break;
            case "ratelimited":
                if (count == 1)
                {
                    response.StatusCode = 429;
                    response.Headers.RetryAfter = "1";
                }
                else
                {
                    await Page(context, 200, "<html>ok now</html>");
                }
                break;
            case "down":
                response.StatusCode = 503;
                break;
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(5), aborted);
                await Page(context, 200, "<html>too late</html>");
                break;
            case "hang":
                await Task.Delay(Timeout.Infinite, aborted);
                break;
            case "reset":
                context.Abort();
                break;
            case "nohead":
                if (HttpMethods.IsHead(context.Request.Method)) response.StatusCode = 405;
                else await Page(context, 200, "<html>GET only</html>");
                break;
            case "botwall":
                response.Headers["cf-mitigated"] = "challenge";
                await Page(context, 403, "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>");
                break;
            case "linkedin":
                response.StatusCode = 999;
                break;
            case "busy":
                await Task.Delay(150, aborted);
                await Page(context, 200, "<html>busy</html>");
                break;
            default:
                await Page(context, 404, "<html><h1>Not Found</h1></html>");
                break;
        }
    }

    private static void Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
    }

    private static async Task Page(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
