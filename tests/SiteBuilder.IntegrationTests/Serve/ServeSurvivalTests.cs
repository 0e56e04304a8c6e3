using System.Diagnostics;
using System.Text.Json;
using SiteBuilder.Cli.Serve;
using SiteBuilder.IntegrationTests.Safety;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// The preview survives every failed rebuild: the open page's overlay shows it (what the page's events stream says),
/// the watcher keeps running, the next fix is served fresh, and Ctrl+C ends the server cleanly. Run for real: the
/// executable on a free port of 127.0.0.1, files changed on disk, pages fetched over HTTP, SIGINT sent.
/// </summary>
public sealed class ServeSurvivalTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task ARealServerShowsEveryFailureKeepsWatchingServesTheFixAndStopsCleanlyOnCtrlC()
    {
        using var site = HostileSite.Create();
        using var serve = ServeProcess.Start(site.Root);
        Uri url = await serve.UrlAsync();
        Assert.Contains("A guide.", await Http.GetStringAsync(new Uri(url, "guide/")));

        // Front matter that made the parser throw (a key that is a list); then Markdown nested too deep.
        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n[a, b]: c\n---\nBroken.\n");
        var failed = await WaitForStateAsync(url, s => !s.Ok);
        Assert.Contains(failed.Diagnostics, d => d.Location.StartsWith("pages/guide/index.md", StringComparison.Ordinal));

        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n---\n" + new string('>', 200) + " deep\n");
        var deep = await WaitForStateAsync(url, s => s.Diagnostics.Any(d => d.Code == "SB0130"));
        Assert.Contains(deep.Diagnostics, d => d.Location == "pages/guide/index.md:4:101" && d.Severity == "error");
        // The last good page is still served underneath the overlay.
        Assert.Contains("A guide.", await Http.GetStringAsync(new Uri(url, "guide/")));

        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n---\nFixed text 4711.\n");
        await WaitForStateAsync(url, s => s.Ok);
        Assert.Contains("Fixed text 4711.", await Http.GetStringAsync(new Uri(url, "guide/")));

        var run = serve.Interrupt();
        Assert.True(run.ExitCode is 0 or 130, $"exit code {run.ExitCode}; stderr:\n{run.Stderr}");
        run.AssertNoStackTrace();
        Assert.Contains("pages/guide/index.md:4:101: error SB0130", run.Stderr);
    }

    [Fact]
    public async Task ARebuildThatThrowsIsShownAndTheNextChangeRebuildsEverything()
    {
        using var site = HostileSite.Create();
        int builds = 0;
        // The second build throws, as a bug in any step would; every other one runs as usual.
        var options = new PreviewOptions
        {
            SourceDir = site.Root, Port = 0, Watch = false,
            BeforeBuild = _ => { if (Interlocked.Increment(ref builds) == 2) throw new InvalidOperationException("a bug in a step"); },
        };
        await using var server = await PreviewServer.StartAsync(options);
        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n---\nSecond version.\n");
        server.Notify(["pages/guide/index.md"]);
        var crashed = await WaitForStateAsync(server.Url, s => !s.Ok);
        var bug = Assert.Single(crashed.Diagnostics);
        Assert.Equal("pages/guide/index.md", bug.Location);
        Assert.Equal("", bug.Code);
        Assert.StartsWith("SiteBuilder failed while rebuilding (a bug; please report it): InvalidOperationException: a bug in a step.", bug.Message);
        Assert.Contains("A guide.", await Http.GetStringAsync(new Uri(server.Url, "guide/")));

        site.Write("-- pages/guide/index.md --\n---\ntitle: Guide\n---\nThird version.\n");
        server.Notify(["pages/guide/index.md"]);
        await WaitForStateAsync(server.Url, s => s.Ok);
        Assert.True(server.Latest.Full, "after a rebuild threw, the next one rebuilds everything");
        Assert.Contains("Third version.", await Http.GetStringAsync(new Uri(server.Url, "guide/")));
    }

    private sealed record State(bool Ok, List<Problem> Diagnostics);

    private sealed record Problem(string Location, string Severity, string Code, string Message);

    /// <summary>Reads the first event a page gets on connecting (what its overlay shows) until <paramref name="until"/> holds.</summary>
    private static async Task<State> WaitForStateAsync(Uri url, Func<State, bool> until)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var deadline = Stopwatch.StartNew();
        State? last = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, PreviewServer.EventsPath));
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("data: ", StringComparison.Ordinal)) { }
            last = JsonSerializer.Deserialize<State>(line!["data: ".Length..], options)!;
            if (until(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("the server never reached the state; last: " + JsonSerializer.Serialize(last));
    }

    /// <summary><c>sitebuilder serve</c> running as its own process, as a contributor runs it.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Text.StringBuilder _stdout = new();
        private readonly System.Text.StringBuilder _stderr = new();

        private ServeProcess(Process process) => _process = process;

        public static ServeProcess Start(string source)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "sitebuilder.dll"), "serve", "--source", source, "--port", "0" })
                psi.ArgumentList.Add(a);
            psi.Environment["NO_COLOR"] = "1";
            psi.Environment["CI"] = "true";
            var serve = new ServeProcess(Process.Start(psi)!);
            serve._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (serve._stdout) serve._stdout.AppendLine(e.Data);
                if (System.Text.RegularExpressions.Regex.Match(e.Data, @"http://127\.0\.0\.1:\d+/") is { Success: true } m) serve._url.TrySetResult(new Uri(m.Value));
            };
            serve._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (serve._stderr) serve._stderr.AppendLine(e.Data); };
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();
            return serve;
        }

        public async Task<Uri> UrlAsync() => await _url.Task.WaitAsync(TimeSpan.FromSeconds(60));

        /// <summary>Sends SIGINT (Ctrl+C) and waits for the process to end.</summary>
        public CliRunResult Interrupt()
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString()]) { UseShellExecute = false })!) kill.WaitForExit();
            Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(20)), "serve did not stop within 20 s of Ctrl+C");
            _process.WaitForExit();
            lock (_stdout) lock (_stderr) return new CliRunResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }

    private sealed record CliRunResult(int ExitCode, string Stdout, string Stderr)
    {
        public void AssertNoStackTrace()
        {
            string all = Stdout + "\n" + Stderr;
            Assert.DoesNotMatch(@"(?m)^\s+at [\w.<>`]+[.(]", all);
            Assert.DoesNotContain("Unhandled exception", all);
        }
    }
}
