using System.CommandLine;
using System.Text.RegularExpressions;
using SiteBuilder.Cli.LinkCheck;
using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck;
using SiteBuilder.LinkCheck.Caching;
using SiteBuilder.LinkCheck.Configuration;
using SiteBuilder.LinkCheck.External;
using SiteBuilder.LinkCheck.Git;
using SiteBuilder.LinkCheck.Ledger;
using SiteBuilder.LinkCheck.Policy;
using SiteBuilder.LinkCheck.Reporting;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder check-links</c>: checks every link of the built site (internal files and
/// fragments; external URLs politely over HTTP) and reports them where they are written.
/// Exit codes: 0 no link fails the policy, 2 some do, 3 bad usage or configuration.
/// </summary>
public sealed class CheckLinksCommand
{
    private readonly Option<DirectoryInfo> Source = new("--source") { HelpName = "DIR", Description = "Source folder (pages/, site.yml, .sitebuilder/sourcemap.json)", DefaultValueFactory = _ => new DirectoryInfo(".") };
    private readonly Option<DirectoryInfo?> Site = new("--site") { HelpName = "DIR", Description = "Built site to check (default: the source map's output folder, else SOURCE/_site)" };
    private readonly Option<bool> Offline = new("--offline") { Description = "Check internal links only" };
    private readonly Option<string> Format = new("--format") { HelpName = "FORMAT", Description = "text, json, github, sarif or markdown", DefaultValueFactory = _ => "text" };
    private readonly Option<FileInfo?> Output = new("--output") { HelpName = "FILE", Description = "Write the report to FILE instead of standard output" };
    private readonly Option<int?> MaxConcurrency = new("--max-concurrency") { HelpName = "N", Description = "Requests in flight in total (default 8)" };
    private readonly Option<int?> HostConcurrency = new("--host-concurrency") { HelpName = "N", Description = "Requests in flight per host (default 2)" };
    private readonly Option<int?> HostInterval = new("--host-interval-ms") { HelpName = "MS", Description = "Minimum milliseconds between requests to one host (default 250)" };
    private readonly Option<double?> TimeoutSeconds = new("--timeout") { HelpName = "SECONDS", Description = "Seconds allowed per request (default 20)" };
    private readonly Option<int?> MaxRetries = new("--max-retries") { HelpName = "N", Description = "Retries after network errors, timeouts, 5xx and 429 (default 2)" };
    private readonly Option<string?> Accept = new("--accept") { HelpName = "CODES", Description = "Accepted status codes, e.g. 200..299,403" };
    private readonly Option<string[]> Include = new("--include") { HelpName = "REGEX", Description = "Check only external URLs matching REGEX (repeatable)" };
    private readonly Option<string[]> Exclude = new("--exclude") { HelpName = "REGEX", Description = "Do not check external URLs matching REGEX (repeatable)" };
    private readonly Option<string?> UserAgent = new("--user-agent") { HelpName = "TEXT", Description = "User-Agent header" };
    private readonly Option<string[]> Remap = new("--remap") { HelpName = "'REGEX REPLACEMENT'", Description = "'REGEX REPLACEMENT': send requests elsewhere, results keep the original URL (repeatable)" };
    private readonly Option<bool> NoSoftNotFound = new("--no-soft-404") { Description = "Do not probe hosts for soft 404 pages" };
    private readonly Option<FileInfo?> Cache = new("--cache") { HelpName = "FILE", Description = "Reuse good external results from FILE, and update it" };
    private readonly Option<string> CacheMaxAge = new("--cache-max-age") { HelpName = "DURATION", Description = "How long a cached result stays good (e.g. 1d, 12h)", DefaultValueFactory = _ => "1d" };
    private readonly Option<FileInfo?> LedgerFile = new("--ledger") { HelpName = "FILE", Description = "Link-health ledger FILE: per-URL history across runs" };
    private readonly Option<string> Policy = new("--policy") { HelpName = "any|pr|scheduled", Description = "any (default), pr or scheduled", DefaultValueFactory = _ => "any" };
    private readonly Option<int> FailAfter = new("--fail-after") { HelpName = "N", Description = "scheduled policy: fail on external links broken this many runs in a row", DefaultValueFactory = _ => 3 };
    private readonly Option<string?> ChangedSince = new("--changed-since") { HelpName = "GIT_REF", Description = "Check external links only in pages changed since GIT_REF" };

    private CheckLinksCommand()
    {
    }

    /// <summary>Creates the command (with its own option objects, so commands never share parse state).</summary>
    public static Command Create() => new CheckLinksCommand().Build();

    private Command Build()
    {
        var command = new Command("check-links", "Check the links of the built site: internal files and fragments, and external URLs")
        {
            Source, Site, Offline, Format, Output, MaxConcurrency, HostConcurrency, HostInterval, TimeoutSeconds, MaxRetries,
            Accept, Include, Exclude, UserAgent, Remap, NoSoftNotFound, Cache, CacheMaxAge, LedgerFile, Policy, FailAfter, ChangedSince,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = new LinkCheckRequest(parse.GetValue(Source)!.FullName, parse.GetValue(Site)?.FullName, parse.GetValue(Format),
            parse.GetValue(Output), parse.GetValue(Offline), () => Overrides(parse), parse.GetValue(Policy), parse.GetValue(FailAfter),
            parse.GetValue(ChangedSince), parse.GetValue(Cache), parse.GetValue(CacheMaxAge)!, parse.GetValue(LedgerFile));
        return RunAsync(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
    }

    /// <summary>Runs the link check and writes its report; returns the exit code (0, 2, or 3 for bad usage or configuration, 1 for a bug).</summary>
    public static async Task<int> RunAsync(LinkCheckRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(request, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"sitebuilder check-links: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"sitebuilder check-links: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("sitebuilder check-links: cancelled");
            return ExitCodes.Unexpected;
        }
        catch (Exception ex)
        {
            // Never a stack trace: one line that names the failure.
            stderr.WriteLine($"sitebuilder check-links: unexpected failure (a bug; please report it): {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Unexpected;
        }
    }

    private static async Task<int> RunCoreAsync(LinkCheckRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string source = request.Source;
        if (!Directory.Exists(source)) throw new UsageException($"source folder '{source}' does not exist");
        string site = request.Site ?? Path.Combine(source, DefaultOutput(source));
        if (!Directory.Exists(site)) throw new UsageException($"site folder '{site}' does not exist; build the site first or pass --site");
        if (!LinkReporters.TryParse(request.Format, out var format))
            throw new UsageException($"unknown --format '{request.Format}' (text, json, github, sarif, markdown)");

        var diagnostics = new DiagnosticBag();
        var config = LinkCheckSettingsReader.ReadFile(Path.Combine(source, "site.yml"), "site.yml", diagnostics);
        foreach (var d in diagnostics.ToSortedList()) stderr.WriteLine(d);
        if (diagnostics.HasErrors) return ExitCodes.Usage;

        var external = config.Resolve(request.Overrides());
        var policy = await BuildPolicyAsync(request, cancellationToken).ConfigureAwait(false);
        LinkCache? cache = null;
        FileInfo? cacheFile = request.Cache;
        if (!DurationParser.TryParse(request.CacheMaxAge, out var maxAge)) throw new UsageException($"--cache-max-age '{request.CacheMaxAge}' is not a duration such as 1d or 12h");
        if (cacheFile is not null) cache = Load(() => LinkCache.Load(cacheFile.FullName, maxAge));
        FileInfo? ledgerFile = request.Ledger;
        if (policy.Kind == FailurePolicyKind.Scheduled && ledgerFile is null) throw new UsageException("--policy scheduled needs --ledger FILE");
        LinkLedger? ledger = ledgerFile is null ? null : Load(() => LinkLedger.Load(ledgerFile.FullName));

        var options = new LinkCheckOptions
        {
            SourceDirectory = source,
            SiteDirectory = site,
            Offline = request.Offline,
            External = external,
            ChangedSources = policy.ChangedSources,
            Cache = cache,
        };
        LinkCheckReport report;
        try
        {
            report = LinkCheckProgressBar.IsWanted(stderr) && !options.Offline
                ? await LinkCheckProgressBar.RunAsync(p => LinkCheckRunner.RunAsync(options, p, cancellationToken)).ConfigureAwait(false)
                : await LinkCheckRunner.RunAsync(options, null, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw SourceMapProblem(ex);
        }

        if (ledger is not null)
        {
            ledger.RecordRun(report.Results, DateTimeOffset.UtcNow);
            ledger.Save(ledgerFile!.FullName);
        }
        cache?.Save(cacheFile!.FullName);
        var outcome = new LinkCheckOutcome(report, policy.Failing(report, ledger));

        var reporter = LinkReporters.Create(format);
        FileInfo? output = request.Output;
        if (output is null)
        {
            reporter.Write(outcome, stdout);
        }
        else
        {
            Directory.CreateDirectory(output.DirectoryName!);
            using (var file = new StreamWriter(output.FullName, append: false, new System.Text.UTF8Encoding(false)))
                reporter.Write(outcome, file);
        }
        if (output is not null || format != ReportFormat.Text) stderr.WriteLine(TextReporter.SummaryLine(outcome));
        return outcome.Failed ? ExitCodes.ContentErrors : ExitCodes.Ok;
    }

    // The options, checked one by one; site.yml and the defaults fill in the rest (LinkCheckSettings.Resolve).
    private LinkCheckOverrides Overrides(ParseResult parse)
    {
        int? hostConcurrency = Positive(parse.GetValue(HostConcurrency), "--host-concurrency");
        int? intervalMs = parse.GetValue(HostInterval);
        if (intervalMs < 0) throw new UsageException("--host-interval-ms must be at least 0");
        double? timeout = parse.GetValue(TimeoutSeconds);
        // At most a day: TimeSpan takes neither NaN nor infinity, and no request needs longer.
        if (timeout is { } seconds && !(seconds > 0 && seconds <= 86_400))
            throw new UsageException("--timeout must be a number of seconds above 0 and at most 86400 (a day)");
        int? retries = parse.GetValue(MaxRetries);
        if (retries < 0) throw new UsageException("--max-retries must be at least 0");
        return new LinkCheckOverrides
        {
            HostConcurrency = hostConcurrency,
            HostInterval = intervalMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Timeout = timeout is { } t ? TimeSpan.FromSeconds(t) : null,
            MaxRetries = retries,
            MaxConcurrency = Positive(parse.GetValue(MaxConcurrency), "--max-concurrency"),
            Accept = parse.GetValue(Accept) is { } accept ? Parse(() => StatusCodeSet.Parse(accept), "--accept") : null,
            UserAgent = parse.GetValue(UserAgent),
            Include = (parse.GetValue(Include) ?? []).Select(p => Regex(p, "include")).ToList(),
            Exclude = (parse.GetValue(Exclude) ?? []).Select(p => Regex(p, "exclude")).ToList(),
            Remaps = (parse.GetValue(Remap) ?? []).Select(r => Parse(() => UrlRemap.Parse(r), "--remap")).ToList(),
            DetectSoftNotFound = !parse.GetValue(NoSoftNotFound),
        };
    }

    private static async Task<FailurePolicy> BuildPolicyAsync(LinkCheckRequest request, CancellationToken cancellationToken)
    {
        string? since = request.ChangedSince;
        IReadOnlySet<string>? changed = null;
        if (since is not null)
        {
            try
            {
                changed = await ChangedFiles.SinceAsync(request.Source, since, cancellationToken).ConfigureAwait(false);
            }
            catch (GitException ex)
            {
                throw new UsageException($"--changed-since {since}: {ex.Message}");
            }
        }
        int failAfter = request.FailAfter;
        if (failAfter < 1) throw new UsageException("--fail-after must be at least 1");
        return request.Policy switch
        {
            "any" => new FailurePolicy(FailurePolicyKind.Any, 1, changed),
            // Without --changed-since every page counts as changed (what `sitebuilder check` runs locally).
            "pr" => new FailurePolicy(FailurePolicyKind.PullRequest, 1, changed),
            "scheduled" => new FailurePolicy(FailurePolicyKind.Scheduled, failAfter, changed),
            var other => throw new UsageException($"unknown --policy '{other}' (any, pr, scheduled)"),
        };
    }

    // The build records its output folder in the source map; without one, the conventional _site.
    private static string DefaultOutput(string source)
    {
        try
        {
            return SiteBuilder.Output.SourceMapSerializer.ReadFile(Path.Combine(source, SiteBuilder.Output.SourceMap.RelativePath))?.Output ?? "_site";
        }
        catch (FormatException ex)
        {
            throw SourceMapProblem(ex);
        }
    }

    private static UsageException SourceMapProblem(FormatException ex) => new($"{SiteBuilder.Output.SourceMap.RelativePath}: {ex.Message}");

    private static int? Positive(int? value, string name) =>
        value is < 1 ? throw new UsageException($"{name} must be at least 1") : value;

    private static T Parse<T>(Func<T> parse, string name)
    {
        try { return parse(); }
        catch (FormatException ex) { throw new UsageException($"{name}: {ex.Message}"); }
    }

    private static T Load<T>(Func<T> load)
    {
        try { return load(); }
        catch (FormatException ex) { throw new UsageException(ex.Message); }
    }

    private static Regex Regex(string pattern, string name)
    {
        try { return LinkCheckSettings.Pattern(pattern); }
        catch (ArgumentException ex) { throw new UsageException($"{name} pattern '{pattern}' is not a valid regular expression: {ex.Message}"); }
    }
}
