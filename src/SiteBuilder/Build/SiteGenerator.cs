using System.Diagnostics;
using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>
/// Builds a site: an explicit, ordered list of steps over one <see cref="BuildContext"/>. Each step declares the
/// products it reads and produces (<see cref="BuildProducts"/>); a list in which a step reads what no earlier step
/// produces is refused when the generator is made. Every step runs even after errors (so all problems are reported
/// at once); only CommitSite checks for errors.
/// </summary>
public sealed class SiteGenerator
{
    /// <summary>
    /// The steps, in order. The order is checked against their declarations; a comment says why a step sits where
    /// its declarations alone would not put it. A new step is one class and one line here.
    /// </summary>
    public static IReadOnlyList<IBuildStep> DefaultSteps() =>
    [
        new LoadConfig(),
        new DiscoverPages(),
        new ParsePages(),
        new AssemblePages(),
        new ValidateSections(),
        new GenerateIndexPages(),
        new ReadGitHistory(),
        new MapStatswikiUrls(),
        new ResolveLinks(),
        // Before LoadLayouts and ApplyLayouts, though it needs neither: the index is written while the pages render.
        new StartSearchIndex(),
        new LoadLayouts(),
        new ApplyLayouts(),
        // After ApplyLayouts, though it needs none of it: the preview shows an edit's open pages before it runs (see
        // StepEngine.Run's stopAfter). Its summary lines still come after ResolveLinks' and before BuildSearchIndex's.
        new ReportOrphans(),
        new WriteSearchPage(),
        new BuildSearchIndex(),
        new WriteSiteFiles(),
        new WriteRedirects(),
        new CommitSite(),
    ];

    private readonly IReadOnlyList<IBuildStep> _steps;

    /// <summary>Creates a generator with the default steps, or the given ones.</summary>
    /// <exception cref="InvalidStepListException">A step reads a product that no earlier step produces (see <see cref="StepGraph"/>).</exception>
    public SiteGenerator(IReadOnlyList<IBuildStep>? steps = null)
    {
        _steps = steps ?? DefaultSteps();
        StepGraph.Check(_steps);
    }

    /// <summary>The steps this generator runs, in order.</summary>
    public IReadOnlyList<IBuildStep> Steps => _steps;

    /// <summary>Runs the build. Content problems are in the result; exceptions mean bugs.</summary>
    public BuildResult Build(BuildOptions options) => Run(options).Result;

    /// <summary>Runs the build and returns the context too (for tools that need the pages, e.g. the preview server).</summary>
    public (BuildResult Result, BuildContext Context) Run(BuildOptions options)
    {
        var context = NewContext(options);
        // Must come before anything is written: a build replaces its output folder whole.
        if (!options.DryRun && Safety.OutputLocation.Problem(options.SourceDir, options.ResolvedOutputDir) is { } outputProblem)
        {
            context.Diagnostics.Error(DiagnosticCodes.OutputOverlapsSource, SourceLocation.File(options.ResolvedOutputDir),
                outputProblem + "; nothing was written");
            return (Result(context, options), context);
        }
        // A dry run keeps the files in memory; a real build writes each one as it is made, to a staging
        // folder that CommitSite swaps in, and that is deleted when the build does not get there.
        using var staging = options.DryRun ? null : new Output.StagingOutput(options.ResolvedOutputDir);
        if (staging is not null) context.Set(BuildProducts.Output, staging);

        for (int index = 0; index < _steps.Count; index++)
        {
            var step = _steps[index];
            options.Progress?.Report(new BuildProgress(step.Name, index, _steps.Count));
            var watch = Stopwatch.StartNew();
            context.Execute(step);
            context.Timings.Add((step.Name, watch.Elapsed));
            if (StopsAfter(step, context.Diagnostics)) break;
        }
        return (Result(context, options), context);
    }

    /// <summary>
    /// A context for one build (or for the preview's engine, kept between runs), with its build date: the one place
    /// <c>SOURCE_DATE_EPOCH</c> is resolved. A bad value is an SB00xx error: the build stops after LoadConfig.
    /// </summary>
    internal static BuildContext NewContext(BuildOptions options)
    {
        var context = new BuildContext(options);
        context.BuildDate = SourceDateEpoch.Resolve(options.SourceDateEpoch, context.Diagnostics);
        return context;
    }

    /// <summary>True when the build stops after <paramref name="step"/>: it made the configuration and there are configuration errors, which make everything after them noise.</summary>
    internal static bool StopsAfter(IBuildStep step, DiagnosticBag diagnostics) =>
        step.Produces.Contains(BuildProducts.Config) && diagnostics.ToSortedList().Any(d => d.IsConfigurationError);

    private static BuildResult Result(BuildContext context, BuildOptions options) => new(
        context.Diagnostics.ToSortedList(),
        context.Written,
        context.Pages.Count,
        context.FilesWritten,
        options.ResolvedOutputDir,
        context.Summary.ToList(),
        context.Timings);
}
