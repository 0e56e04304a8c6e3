using System.Diagnostics;
using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>
/// Builds a site: an explicit, ordered list of steps over one <see cref="BuildContext"/>. Every step
/// runs even after errors (so all problems are reported at once); only WriteSite checks for errors.
/// </summary>
public sealed class SiteGenerator
{
    /// <summary>The steps, in order. Later issues add theirs here, each with a reason for its place.</summary>
    public static IReadOnlyList<IBuildStep> DefaultSteps() =>
    [
        new LoadConfig(),
        new DiscoverPages(),
        new ParsePages(),
        new AssemblePages(),
        new ValidateSections(),
        // Must run before MapStatswikiUrls and ResolveLinks because they index the tree the generated pages join.
        new GenerateIndexPages(),
        new ReadGitHistory(),
        // Must run before ResolveLinks because links to mirrored statswiki pages become internal links there.
        new MapStatswikiUrls(),
        new ResolveLinks(),
        // Must run after ResolveLinks because orphans are read from the backlinks it fills.
        new ReportOrphans(),
        // Must run before ApplyLayouts: the index is written while the pages render.
        new StartSearchIndex(),
        new ApplyLayouts(),
        new BuildSearchIndex(),
        new WriteSiteFiles(),
        // Must run after every page and file is added (a stub never replaces one) and before WriteSite writes them.
        new WriteRedirects(),
        new WriteSite(),
    ];

    private readonly IReadOnlyList<IBuildStep> _steps;

    /// <summary>Creates a generator with the default steps, or the given ones.</summary>
    public SiteGenerator(IReadOnlyList<IBuildStep>? steps = null) => _steps = steps ?? DefaultSteps();

    /// <summary>Runs the build. Content problems are in the result; exceptions mean bugs.</summary>
    public BuildResult Build(BuildOptions options) => Run(options).Result;

    /// <summary>Runs the build and returns the context too (for tools that need the pages, e.g. the preview server).</summary>
    public (BuildResult Result, BuildContext Context) Run(BuildOptions options)
    {
        var context = new BuildContext(options);
        // Must come before anything is written: a build replaces its output folder whole.
        if (!options.DryRun && Safety.OutputLocation.Problem(options.SourceDir, options.ResolvedOutputDir) is { } outputProblem)
        {
            context.Diagnostics.Error(DiagnosticCodes.OutputOverlapsSource, SourceLocation.File(options.ResolvedOutputDir),
                outputProblem + "; nothing was written");
            return (Result(context, options), context);
        }
        // A dry run keeps the files in memory; a real build writes each one as it is made, to a staging
        // folder that WriteSite swaps in, and that is deleted when the build does not get there.
        using var staging = options.DryRun ? null : new Output.StagingOutput(options.ResolvedOutputDir);
        if (staging is not null) context.Output = staging;
        // A bad value is an SB00xx error: the loop below stops after LoadConfig, before anything is written.
        context.BuildDate = SourceDateEpoch.Resolve(options.SourceDateEpoch, context.Diagnostics);

        for (int index = 0; index < _steps.Count; index++)
        {
            var step = _steps[index];
            options.Progress?.Report(new BuildProgress(step.Name, index, _steps.Count));
            var watch = Stopwatch.StartNew();
            step.Execute(context);
            context.Timings.Add((step.Name, watch.Elapsed));
            // Configuration errors make everything after them noise.
            if (step is LoadConfig && context.Diagnostics.ToSortedList().Any(d => d.IsConfigurationError))
                break;
        }
        return (Result(context, options), context);
    }

    private static BuildResult Result(BuildContext context, BuildOptions options) => new(
        context.Diagnostics.ToSortedList(),
        context.Written,
        context.Pages.Count,
        context.FilesWritten,
        options.ResolvedOutputDir,
        context.Summary.ToList(),
        context.Timings);
}
