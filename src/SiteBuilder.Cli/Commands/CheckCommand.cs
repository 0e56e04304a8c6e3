using System.CommandLine;
using SiteBuilder.Build;
using SiteBuilder.Cli.Output;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder check [--changed-since REF]</c>: exactly what CI runs on a pull request, so a
/// contributor gets the same result locally. Two stages: (1) a strict build (warnings are errors;
/// Markdown links and fragments are checked there), written to the output folder; (2) the link check
/// of the built site with the pull-request policy: internal links, and external links only on the
/// pages changed since REF.
/// </summary>
public static class CheckCommand
{
    /// <summary>Name of the link-check command that stage 2 runs.</summary>
    public const string LinkCheckCommand = "check-links";

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
        command.SetAction(parse =>
        {
            var root = parse.RootCommandResult.Command;
            string sourceDir = parse.GetValue(source)!.FullName;
            var options = new BuildOptions { SourceDir = sourceDir, OutputDir = parse.GetValue(output)?.FullName, Strict = true, TrustLayouts = parse.GetValue(trust) };
            var mode = ConsoleMode.Detect(parse.GetValue(quiet), parse.GetValue(verbose));
            using var signals = BuildCommand.RemoveStagingOnSignal();
            return Run(root, options, parse.GetValue(changedSince), parse.GetValue(offline), mode);
        });
        return command;
    }

    /// <summary>Runs both stages; the exit code is the build's when it fails, else the link check's.</summary>
    public static int Run(Command root, BuildOptions options, string? changedSince, bool offline, ConsoleMode mode)
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
        return RunLinkCheck(root, options.SourceDir, options.ResolvedOutputDir, changedSince, offline);
    }

    /// <summary>
    /// Stage 2, kept to one call: runs the <c>check-links</c> command of this same executable with the
    /// pull-request policy, so its output is byte for byte what CI shows.
    /// </summary>
    public static int RunLinkCheck(Command root, string sourceDir, string siteDir, string? changedSince, bool offline)
    {
        if (!root.Subcommands.Any(c => c.Name == LinkCheckCommand))
        {
            Console.Error.WriteLine($"check: this sitebuilder has no '{LinkCheckCommand}' command yet, so links in the built HTML were not checked " +
                                    "(Markdown links and fragments were, by the strict build).");
            return ExitCodes.Ok;
        }
        var args = new List<string> { LinkCheckCommand, "--site", siteDir, "--source", sourceDir, "--format", "text" };
        // The pull-request policy is defined relative to a base; without one every link is checked.
        if (changedSince is not null) args.AddRange(["--policy", "pr", "--changed-since", changedSince]);
        if (offline) args.Add("--offline");
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"check: {LinkCheckCommand}: {e.Message}");
            return ExitCodes.Unexpected;
        }
        return parse.Invoke();
    }
}
