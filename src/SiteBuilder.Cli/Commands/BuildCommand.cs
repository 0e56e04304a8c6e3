using System.CommandLine;
using System.Runtime.InteropServices;
using SiteBuilder.Build;
using SiteBuilder.Cli.Output;

namespace SiteBuilder.Cli.Commands;

/// <summary><c>sitebuilder build [--source DIR] [--output DIR] [--base-url URL]</c>: builds the site, prints problems compiler-style.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding pages/, layouts/ and site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Output folder (default: SOURCE/_site)" };
        var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each build step" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The URL the site is published at (overrides base_url in site.yml)" };
        var command = new Command("build", "Build the site into the output folder") { source, output, drafts, strict, quiet, verbose, baseUrl };
        command.SetAction(parse =>
        {
            var options = new BuildOptions
            {
                SourceDir = parse.GetValue(source)!.FullName,
                OutputDir = parse.GetValue(output)?.FullName,
                IncludeDrafts = parse.GetValue(drafts),
                Strict = parse.GetValue(strict),
                BaseUrl = parse.GetValue(baseUrl),
            };
            // A progress bar on a terminal; plain lines in CI or when redirected; nothing with --quiet.
            var mode = ConsoleMode.Detect(parse.GetValue(quiet), parse.GetValue(verbose));
            using var signals = RemoveStagingOnSignal();
            var result = ProgressDisplay.Run(mode, "Building the site", progress => new SiteGenerator().Build(options with { Progress = progress }));
            return Report(result, parse.GetValue(strict), parse.GetValue(quiet), parse.GetValue(verbose));
        });
        return command;
    }

    /// <summary>
    /// Ctrl+C or a termination signal ends the process without unwinding the build: the staging folder is removed
    /// first, so an interrupted build leaves nothing behind (the previous site is untouched either way).
    /// </summary>
    public static IDisposable RemoveStagingOnSignal()
    {
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => SiteBuilder.Output.StagingOutput.DiscardAll())).ToList();
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose() => items.ForEach(r => r.Dispose());
    }

    /// <summary>Prints the result and returns the exit code.</summary>
    public static int Report(BuildResult result, bool strict, bool quiet, bool verbose)
    {
        // --quiet prints only problems: a note is not one.
        DiagnosticPrinter.Print(result.Diagnostics.Where(d => !quiet || d.FailsStrict), Console.Error);
        if (verbose)
            foreach (var (step, elapsed) in result.Timings) Console.Out.WriteLine($"  {step,-20} {elapsed.TotalMilliseconds,8:F0} ms");
        if (!quiet)
            foreach (string line in result.Summary) Console.Out.WriteLine(line);

        bool configError = result.Diagnostics.Any(d => d.IsConfigurationError);
        if (result.Succeeded)
        {
            if (!quiet)
                Console.Out.WriteLine($"Built {result.PageCount} pages ({result.FileCount} files) into {result.OutputDir}" +
                                      (result.WarningCount > 0 ? $" with {result.WarningCount} warning(s)" : "") + ".");
            return ExitCodes.Ok;
        }
        int errors = strict ? result.ErrorCount + result.WarningCount : result.ErrorCount;
        Console.Error.WriteLine($"Build failed: {errors} error(s){(strict && result.WarningCount > 0 ? " (warnings count as errors with --strict)" : "")}; the previous output was left untouched.");
        return configError ? ExitCodes.Usage : ExitCodes.ContentErrors;
    }
}
