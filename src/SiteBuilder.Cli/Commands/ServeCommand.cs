using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net.Sockets;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Cli.Output;
using SiteBuilder.Cli.Serve;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder serve [--port N] [--source DIR]</c>: builds the site in memory, serves it on
/// 127.0.0.1, rebuilds what each saved change affects and reloads open pages; build errors show in
/// the page and here, and clear by themselves once fixed.
/// </summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding pages/, layouts/ and site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8080, CustomParser = ParsePort };
        var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the pages each rebuild renders" };
        var fullReload = new Option<bool>("--full-reload") { Description = "Reload open pages in full after each rebuild instead of patching them in place" };
        var noFastRender = new Option<bool>("--no-fast-render") { Description = "Render every page an edit changes before reloading (by default the open pages come first, the rest right after)" };
        var trust = new Option<bool>("--trust-layouts") { Description = "Let layouts run any C# (by default they may use only the page model, strings, collections: see the README's Safety)" };
        var command = new Command("serve", "Preview the site with live reload while you edit (127.0.0.1 only)") { source, port, drafts, quiet, verbose, trust, fullReload, noFastRender };
        command.SetAction((parse, cancel) => RunAsync(new PreviewOptions
        {
            SourceDir = parse.GetValue(source)!.FullName,
            Port = parse.GetValue(port),
            IncludeDrafts = parse.GetValue(drafts),
            TrustLayouts = parse.GetValue(trust),
            FullReload = parse.GetValue(fullReload),
            FastRender = !parse.GetValue(noFastRender),
        }, ConsoleMode.Detect(parse.GetValue(quiet), parse.GetValue(verbose)), cancel));
        return command;
    }

    // One message for every bad value ("abc", "-1", "99999"): a validator reading the value threw on text.
    private static int ParsePort(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535) return port;
        result.AddError($"--port must be a number from 0 to 65535 (0 picks a free port), not '{text}'");
        return 0;
    }

    /// <summary>Runs the server until <paramref name="cancel"/> fires (Ctrl+C).</summary>
    public static async Task<int> RunAsync(PreviewOptions options, ConsoleMode mode, CancellationToken cancel)
    {
        if (!Directory.Exists(options.SourceDir))
        {
            Console.Error.WriteLine($"sitebuilder: no such folder '{options.SourceDir}'");
            return ExitCodes.Usage;
        }
        PreviewServer server;
        try
        {
            server = ProgressDisplay.Run(mode, "Building the site", progress =>
                PreviewServer.StartAsync(options with { Progress = progress }, cancel).GetAwaiter().GetResult());
        }
        catch (IOException ex) when (ex.InnerException is SocketException or null)
        {
            Console.Error.WriteLine($"sitebuilder: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}; choose another port with --port (0 picks a free one)");
            return ExitCodes.Usage;
        }
        await using (server)
        {
            Report(server.FirstBuild, [], mode);
            if (server.FirstBuild.Diagnostics.Any(d => d.IsConfigurationError))
                Console.Error.WriteLine("sitebuilder: the configuration has errors; fix site.yml and save it: the server rebuilds by itself.");
            if (mode.Verbosity != Verbosity.Quiet)
            {
                Console.Out.WriteLine($"Serving {server.Url} (127.0.0.1 only). Watching pages/, layouts/ and site.yml. Press Ctrl+C to stop.");
            }
            else Console.Out.WriteLine(server.Url);
            server.Rebuilt += (result, paths) => Report(result, paths, mode);
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
        }
        return ExitCodes.Ok;
    }

    private static readonly object Gate = new();

    private static void Report(IncrementalResult result, IReadOnlyCollection<string> paths, ConsoleMode mode)
    {
        lock (Gate)
        {
            string time = DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            string what = paths.Count == 0 ? "" : paths.Count == 1 ? paths.First() + ": " : $"{paths.Count} files: ";
            // A build that threw (a bug) has one problem without a code: the server's own line, in one line.
            foreach (var bug in result.Diagnostics.Where(d => d.Code.Length == 0)) Console.Error.WriteLine($"sitebuilder: {bug.Message}");
            var problems = result.Diagnostics.Where(d => d.Code.Length > 0);
            DiagnosticPrinter.Print(result.Succeeded ? problems.Where(_ => mode.Verbosity != Verbosity.Quiet) : problems, Console.Error);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"[{time}] {what}build failed with {result.ErrorCount} error(s); the pages show them; serving the last good build.");
                return;
            }
            if (mode.Verbosity == Verbosity.Quiet) return;
            string pages = result.Full ? $"built {result.PageCount} pages" : $"rendered {result.Rendered.Count} page(s)";
            Console.Out.WriteLine($"[{time}] {what}{pages} in {result.Elapsed.TotalMilliseconds:F0} ms" +
                                  (result.WarningCount > 0 ? $", {result.WarningCount} warning(s)" : "") + ".");
            if (mode.Verbosity != Verbosity.Verbose) return;
            Console.Out.WriteLine("  " + string.Join(", ", result.Timings.Select(t => $"{t.Phase} {t.Elapsed.TotalMilliseconds:F0} ms")));
            if (!result.Full)
                foreach (string path in result.Rendered.Take(20)) Console.Out.WriteLine($"  {path}");
        }
    }
}
