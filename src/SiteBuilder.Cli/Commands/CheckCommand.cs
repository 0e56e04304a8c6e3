using System.CommandLine;
using SiteBuilder.Build;
using SiteBuilder.Cli.LinkCheck;
using SiteBuilder.Cli.Output;
using SiteBuilder.LinkCheck.Configuration;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder check [--changed-since REF]</c>: exactly what CI runs on a pull request, so a
/// contributor gets the same result locally. Two stages: (1) a strict build (warnings are errors;
/// Markdown links and fragments are checked there), written to the output folder; (2) the link check
/// of the built site with the pull-request policy: internal links, and external links only on the
/// pages changed since REF. Both are library calls; this class only says what ran.
/// </summary>
public static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding pages/, layouts/ and site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Output folder (default: SOURCE/_site)" };
        var changedSince = new Option<string?>("--changed-since") { Description = "Check external links only on pages changed since this git ref (e.g. origin/main)" };
        var offline = new Option<bool>("--offline") { Description = "Do not check external links" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each build step" };
        var trust = new Option<bool>("--trust-layouts") { Description = "Let layouts run any C# (by default they may use only the page model, strings, collections: see the README's Safety)" };
        var command = new Command("check", "Run the pull-request check: strict build, internal links, external links of changed pages")
        {
            source, output, changedSince, offline, quiet, verbose, trust,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string sourceDir = parse.GetValue(source)!.FullName;
            var options = new BuildOptions { SourceDir = sourceDir, OutputDir = parse.GetValue(output)?.FullName, Strict = true, TrustLayouts = parse.GetValue(trust) };
            var mode = ConsoleMode.Detect(parse.GetValue(quiet), parse.GetValue(verbose));
            using var signals = BuildCommand.RemoveStagingOnSignal();
            return Task.FromResult(Run(options, parse.GetValue(changedSince), parse.GetValue(offline), mode, cancellationToken));
        });
        return command;
    }

    /// <summary>Runs both stages; the exit code is the build's when it fails, else the link check's.</summary>
    public static int Run(BuildOptions options, string? changedSince, bool offline, ConsoleMode mode, CancellationToken cancellationToken = default)
    {
        bool quiet = mode.Verbosity == Verbosity.Quiet;
        if (!quiet) Console.Out.WriteLine("check 1/2: strict build (warnings are errors)");
        var result = ProgressDisplay.Run(mode, "Building the site", progress => new SiteGenerator().Build(options with { Progress = progress }));
        int build = BuildCommand.Report(result, strict: true, quiet, mode.Verbosity == Verbosity.Verbose);
        if (build != ExitCodes.Ok)
        {
            Console.Error.WriteLine("check: the link check did not run because the build failed.");
            return build;
        }
        if (!quiet) Console.Out.WriteLine($"check 2/2: links ({(offline ? "internal only" : changedSince is null ? "internal, external on every page" : $"internal, external on pages changed since {changedSince}")})");
        return RunLinkCheck(options.SourceDir, options.ResolvedOutputDir, changedSince, offline, cancellationToken);
    }

    /// <summary>
    /// Stage 2: what <c>check-links --site SITE --source SOURCE [--policy pr --changed-since REF] [--offline]</c> runs,
    /// with its output, so it is byte for byte what CI shows. The pull-request policy is defined relative to a base;
    /// without one every link is checked.
    /// </summary>
    public static int RunLinkCheck(string sourceDir, string siteDir, string? changedSince, bool offline, CancellationToken cancellationToken = default)
    {
        var request = new LinkCheckRequest(sourceDir, siteDir, "text", Output: null, offline, () => new LinkCheckOverrides(),
            changedSince is null ? "any" : "pr", FailAfter: 3, changedSince, Cache: null, CacheMaxAge: "1d", Ledger: null);
        return CheckLinksCommand.RunAsync(request, Console.Out, Console.Error, cancellationToken).GetAwaiter().GetResult();
    }
}
