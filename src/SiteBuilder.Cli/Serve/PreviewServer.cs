using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli.Serve;

/// <summary>
/// The preview server of <c>sitebuilder serve</c>: builds the site in memory, serves it with Kestrel on
/// 127.0.0.1 only, rebuilds what a source change affects and tells every open page over server-sent
/// events (<c>/__sitebuilder/events</c>) to reload, or to show the build errors.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>Path of the server-sent events stream.</summary>
    public const string EventsPath = "/__sitebuilder/events";
    /// <summary>Path of the injected live-reload script.</summary>
    public const string ScriptPath = "/__sitebuilder/live-reload.js";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly byte[] Script = LoadScript();
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly PreviewOptions _options;
    private readonly IncrementalBuilder _builder;
    private readonly ReloadBroadcaster _events = new();
    private readonly SymlinkGuard _guard;
    private readonly Channel<IReadOnlyCollection<string>> _batches = Channel.CreateUnbounded<IReadOnlyCollection<string>>();
    private readonly CancellationTokenSource _stop = new();
    private WebApplication? _app;
    private SourceWatcher? _watcher;
    private Task? _loop;
    private IncrementalResult? _latest;
    // After a rebuild threw, the builder's state is not to be trusted: the next change rebuilds everything.
    private bool _rebuildAll;
    // A build ran since the last compaction (see CompactWhenQuietAsync).
    private bool _compact;
    // The site as the last reload event announced it.
    private IReadOnlyDictionary<string, byte[]>? _announced;

    private PreviewServer(PreviewOptions options)
    {
        _options = options;
        // The engine's own step list: a step added there is previewed with no change here.
        _builder = new IncrementalBuilder(new BuildOptions { SourceDir = options.SourceDir, IncludeDrafts = options.IncludeDrafts, TrustLayouts = options.TrustLayouts, Progress = options.Progress },
            new SiteGenerator().Steps) { StartsDeferredWork = false };
        _guard = new SymlinkGuard(Path.Combine(Path.GetFullPath(options.SourceDir), "pages"));
    }

    /// <summary>The address pages are served from, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The result of the first build.</summary>
    public IncrementalResult FirstBuild { get; private set; } = null!;

    /// <summary>The result of the latest build.</summary>
    public IncrementalResult Latest => _latest ?? FirstBuild;

    /// <summary>Raised after each rebuild with its result and the changed paths (on the rebuild thread).</summary>
    public event Action<IncrementalResult, IReadOnlyCollection<string>>? Rebuilt;


    /// <summary>Number of pages connected to the events stream.</summary>
    public int ClientCount => _events.ClientCount;

    /// <summary>Builds the site, starts listening and watching.</summary>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, CancellationToken cancel = default)
    {
        var server = new PreviewServer(options);
        server.FirstBuild = server.BuildSafely(server._builder.Rebuild, []);
        server._announced = server._builder.Current.Files;
        await server.ListenAsync(cancel);
        server._loop = Task.Run(server.RebuildLoopAsync);
        if (options.Watch)
            server._watcher = new SourceWatcher(options.SourceDir, options.Debounce, batch => server._batches.Writer.TryWrite(batch));
        return server;
    }

    /// <summary>Queues changed source paths as if the watcher had seen them (used when watching is off).</summary>
    public void Notify(IReadOnlyCollection<string> changedPaths) => _batches.Writer.TryWrite(changedPaths);

    private async Task ListenAsync(CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        // Loopback only: the preview shows unpublished work and must not be reachable from the network.
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _options.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancel);
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task RebuildLoopAsync()
    {
        var reader = _batches.Reader;
        try
        {
            while (await WaitForChangesAsync(reader))
            {
                // Everything that arrived while the last rebuild ran becomes one rebuild.
                var paths = new SortedSet<string>(StringComparer.Ordinal);
                while (reader.TryRead(out var batch)) paths.UnionWith(batch);
                var changes = ChangeSet.From(paths);
                if (changes.IsEmpty) continue;
                var result = BuildSafely(() => _rebuildAll ? _builder.Rebuild() : _builder.Update(changes, _options.FastRender ? _events.OpenPages : null), paths);
                Publish(result);
                Rebuilt?.Invoke(result, paths);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Waits for the next changes. Meanwhile, while the sources stay quiet after a rebuild, does what it left for later:
    /// renders the pages fast render deferred (after <see cref="PreviewOptions.RenderDelay"/>, once the open pages have
    /// their new HTML) and publishes them, then starts the search index (after <see cref="PreviewOptions.SearchIndexDelay"/>).
    /// </summary>
    private async Task<bool> WaitForChangesAsync(ChannelReader<IReadOnlyCollection<string>> reader)
    {
        var next = reader.WaitToReadAsync(_stop.Token).AsTask();
        while (!next.IsCompleted && (_builder.HasDeferredRenders || _builder.HasUnstartedWork))
        {
            bool render = _builder.HasDeferredRenders;
            var delay = render ? _options.RenderDelay : _options.SearchIndexDelay;
            if (await Task.WhenAny(next, Task.Delay(delay, _stop.Token)) == next || next.IsCompleted || _stop.IsCancellationRequested) break;
            var before = Latest;
            var result = BuildSafely(() => render ? _builder.RenderDeferred() ?? before : StartSearchIndex(before), []);
            if (result == before) continue;
            // Pages rendered, or a bug in the capture: the open pages hear of it as of any rebuild.
            Publish(result);
            Rebuilt?.Invoke(result, []);
        }
        await CompactWhenQuietAsync(next);
        return await next;
    }

    /// <summary>
    /// Once the sources have stayed quiet for <see cref="PreviewOptions.CompactDelay"/> after a rebuild, and the search
    /// index it started is written, compacts the heap once and returns the memory freed to the system. A rebuild
    /// replaces pages, HTML and snapshots: what it let go is scattered through the old generation, which the collector,
    /// left alone, keeps (10 000 pages: 1.2 GB after the first build growing past 2 GB over a few dozen edits).
    /// </summary>
    private async Task CompactWhenQuietAsync(Task<bool> next)
    {
        if (!_compact || _options.CompactDelay == Timeout.InfiniteTimeSpan) return;
        while (!next.IsCompleted && !_stop.IsCancellationRequested)
        {
            if (await Task.WhenAny(next, Task.Delay(_options.CompactDelay, _stop.Token)) == next || next.IsCompleted || _stop.IsCancellationRequested) return;
            if (_builder.HasDeferredWork) continue;
            _compact = false;
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return;
        }
    }

    private IncrementalResult StartSearchIndex(IncrementalResult latest)
    {
        _builder.StartDeferred();
        return latest;
    }

    /// <summary>
    /// Runs a build; when it throws (a bug, whatever the input), the failure becomes a result the open pages show
    /// like any error, and the loop goes on: the watcher keeps feeding it, and the next change rebuilds everything.
    /// </summary>
    private IncrementalResult BuildSafely(Func<IncrementalResult> build, IReadOnlyCollection<string> paths)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        IncrementalResult result;
        try
        {
            _options.BeforeBuild?.Invoke(paths);
            _compact = true;
            result = LowLatency(build, paths.Count > 0);
            _rebuildAll = false;
        }
        catch (Exception ex)
        {
            _rebuildAll = true;
            var at = SourceLocation.File(paths.FirstOrDefault() ?? "site.yml");
            var bug = new Diagnostic("", DiagnosticSeverity.Error, at,
                $"SiteBuilder failed while rebuilding (a bug; please report it): {Describe(ex).TrimEnd('.')}. Saving any file rebuilds everything.");
            result = new IncrementalResult([bug], false, true, [], [], _latest?.PageCount ?? 0, watch.Elapsed, _builder.Current.Version, []);
        }
        _latest = result;
        return result;
    }

    /// <summary>
    /// Runs an edit's rebuild with no blocking full collection (they wait for the quiet after it, see
    /// <see cref="CompactWhenQuietAsync"/>). Only around the rebuild: held all session, the mode keeps the old generation
    /// from ever being compacted. The first build runs in the default mode: it allocates the most and is the peak.
    /// </summary>
    private static IncrementalResult LowLatency(Func<IncrementalResult> build, bool edit)
    {
        if (!edit) return build();
        var mode = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        try
        {
            return build();
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = mode;
        }
    }

    /// <summary>An exception in one line: its type and message, the one inside a parallel loop's wrapper.</summary>
    public static string Describe(Exception ex)
    {
        if (ex is AggregateException { InnerExceptions.Count: 1 } aggregate) ex = aggregate.InnerExceptions[0];
        return $"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
    }

    private void Publish(IncrementalResult result)
    {
        if (result.Succeeded)
            _events.Broadcast("reload", JsonSerializer.Serialize(new
            {
                version = result.Version,
                reloadAll = OtherFilesChanged(),
                rendered = result.Rendered.Count,
                elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 1),
                phases = result.Timings.ToDictionary(t => t.Phase, t => Math.Round(t.Elapsed.TotalMilliseconds, 1)),
            }, Json));
        else
            _events.Broadcast("failed", JsonSerializer.Serialize(new { version = result.Version, diagnostics = Describe(result.Diagnostics) }, Json));
    }

    /// <summary>
    /// True when a file other than a page (a stylesheet, a script, an image) changed since the last reload event: a
    /// page patched with its new HTML would keep the old one, so open pages reload in full. The search index, which
    /// publishes itself in the background and shows on no page, does not count.
    /// </summary>
    private bool OtherFilesChanged()
    {
        var now = _builder.Current.Files;
        var before = _announced;
        _announced = now;
        if (before is null) return true;
        int others = 0;
        // By key: reading a page's bytes would decompress it (see StoredFile), and pages are not looked at here.
        foreach (string path in now.Keys)
        {
            if (!IsOtherFile(path)) continue;
            others++;
            byte[] bytes = now[path];
            if (!before.TryGetValue(path, out byte[]? old) || !ReferenceEquals(old, bytes) && !old.AsSpan().SequenceEqual(bytes)) return true;
        }
        return others != before.Keys.Count(IsOtherFile);
    }

    private static bool IsOtherFile(string path) =>
        !path.EndsWith(".html", StringComparison.Ordinal) && !path.StartsWith("search/", StringComparison.Ordinal);

    private static IEnumerable<object> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => new { location = d.Location.ToString(), severity = d.Severity.ToString().ToLowerInvariant(), code = d.Code, message = d.Message });

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        string raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        if (request.Path.Value == EventsPath)
        {
            await StreamEventsAsync(context);
            return;
        }
        if (request.Path.Value == ScriptPath)
        {
            await WriteAsync(response, "text/javascript; charset=utf-8", Script, request);
            return;
        }

        string? key = SitePathResolver.KeyFor(raw, request.Path.Value);
        if (key is null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteAsync(response, "text/plain; charset=utf-8", "400 Bad Request: this path is refused.\n"u8.ToArray(), request);
            return;
        }
        var site = _builder.Current;
        string lookup = key.Length == 0 || key.EndsWith('/') ? key + "index.html" : key;
        if (site.Files.TryGetValue(lookup, out byte[]? bytes) && _guard.IsServable(lookup))
        {
            await WriteFileAsync(response, lookup, bytes, site.Version, request, !_options.FullReload);
            return;
        }
        // Pretty URLs need their trailing slash, or the pages' relative links would resolve one level up.
        if (!key.EndsWith('/') && key.Length > 0 && site.Files.ContainsKey(key + "/index.html"))
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = "/" + Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal) + "/" + request.QueryString;
            return;
        }
        response.StatusCode = StatusCodes.Status404NotFound;
        if (site.Files.TryGetValue("404.html", out byte[]? notFound)) await WriteFileAsync(response, "404.html", notFound, site.Version, request, !_options.FullReload);
        else await WriteAsync(response, "text/plain; charset=utf-8", "404 Not Found\n"u8.ToArray(), request);
    }

    private static Task WriteFileAsync(HttpResponse response, string path, byte[] bytes, int version, HttpRequest request, bool patch)
    {
        if (!ContentTypes.TryGetContentType(path, out string? type)) type = "application/octet-stream";
        if (type == "text/html")
        {
            type = "text/html; charset=utf-8";
            bytes = LiveReloadInjector.Inject(bytes, version, patch);
        }
        return WriteAsync(response, type, bytes, request);
    }

    private static async Task WriteAsync(HttpResponse response, string type, byte[] bytes, HttpRequest request)
    {
        response.ContentType = type;
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method)) await response.Body.WriteAsync(bytes);
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var (reader, subscription) = _events.Subscribe(OpenPageOf(context.Request.Query["page"].ToString()));
        using (subscription)
        {
            var latest = Latest;
            string hello = JsonSerializer.Serialize(new
            {
                version = _builder.Current.Version,
                ok = latest.Succeeded,
                diagnostics = Describe(latest.Succeeded ? [] : latest.Diagnostics),
            }, Json);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stop.Token);
            try
            {
                await response.WriteAsync(ReloadBroadcaster.Format("hello", hello), Encoding.UTF8, linked.Token);
                await response.Body.FlushAsync(linked.Token);
                await foreach (string message in reader.ReadAllAsync(linked.Token))
                {
                    await response.WriteAsync(message, Encoding.UTF8, linked.Token);
                    await response.Body.FlushAsync(linked.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away, or the server is stopping.
            }
        }
    }

    /// <summary>The site file of a page's path as the live-reload script sends it (<c>/docs/guide/</c>), or null.</summary>
    private static string? OpenPageOf(string pathname)
    {
        if (!pathname.StartsWith('/')) return null;
        string decoded;
        try { decoded = Uri.UnescapeDataString(pathname); }
        catch (UriFormatException) { return null; }
        string? key = SitePathResolver.KeyFor(pathname, decoded);
        return key is null ? null : key.Length == 0 || key.EndsWith('/') ? key + "index.html" : key;
    }

    /// <summary>
    /// The live-reload script, with morphdom (vendored from npm, see THIRD-PARTY-NOTICES.md) in its scope as
    /// <c>morphdom</c>: given a CommonJS <c>module</c> to fill, the UMD bundle defines no global in the page.
    /// </summary>
    private static byte[] LoadScript() => Encoding.UTF8.GetBytes(
        "(function () {\nvar module = { exports: {} }, exports = module.exports;\n" + Resource("morphdom-umd.min.js") +
        "\nvar morphdom = module.exports;\n" + Resource("live-reload.js") + "})();\n");

    private static string Resource(string name)
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        _batches.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _stop.Dispose();
    }
}
