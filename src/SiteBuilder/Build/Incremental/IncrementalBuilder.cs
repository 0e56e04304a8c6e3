using System.Diagnostics;
using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The preview's build: the engine's steps (<see cref="SiteGenerator.DefaultSteps"/>) run by a <see cref="StepEngine"/>
/// that keeps its products between edits, so that an edit re-runs only what it reaches and the site equals what the full
/// build makes. This class only turns changed files into a change set, publishes snapshots of the files, and leaves the
/// search index to a background task (<see cref="BackgroundSearchIndex"/>; <see cref="CompleteDeferred"/> waits for it).
/// With fast render (<see cref="Update(ChangeSet, IReadOnlySet{string})"/>) an edit renders the pages open in a browser
/// first, and <see cref="RenderDeferred"/> the others it changed.
/// Not thread-safe: one caller drives it (the preview server's rebuild loop).
/// </summary>
public sealed class IncrementalBuilder
{
    private readonly BuildOptions _options;
    private readonly IReadOnlyList<IBuildStep> _steps;
    private readonly IBuildStep _startSearchIndex;
    private StepEngine? _engine;
    private PreviewOutput _output = new();
    private SnapshotPublisher _publisher;
    private BackgroundSearchIndex _search;

    /// <summary>
    /// Creates a builder for the engine's steps (<see cref="SiteGenerator.DefaultSteps"/>, or the given ones); nothing is
    /// built until <see cref="Rebuild"/>.
    /// </summary>
    /// <exception cref="InvalidStepListException">The list is refused by <see cref="StepGraph"/>, or has a step the preview cannot re-run.</exception>
    public IncrementalBuilder(BuildOptions options, IReadOnlyList<IBuildStep>? steps = null)
    {
        _steps = steps ?? SiteGenerator.DefaultSteps();
        StepGraph.Check(_steps);
        CheckAddedSteps(_steps);
        _startSearchIndex = _steps.OfType<StartSearchIndex>().Single();
        // A preview is kept in memory and never committed: files are served from the published snapshots.
        _options = options with { DryRun = true };
        _publisher = new SnapshotPublisher(_output);
        _search = new BackgroundSearchIndex(_options, _output, _publisher);
    }

    /// <summary>The last successfully built site (empty before the first success).</summary>
    public SiteSnapshot Current => _publisher.Current;

    /// <summary>The result of the last rebuild, or null before the first.</summary>
    public IncrementalResult? Last { get; private set; }

    /// <summary>True while pages of the last edits are still to render, or their search index to start or finish.</summary>
    public bool HasDeferredWork => HasDeferredRenders || _search.Requested || _search.Running;

    /// <summary>
    /// True when pages changed by an edit are still to be rendered, or the steps after ApplyLayouts to run (see
    /// <see cref="RenderDeferred"/>).
    /// </summary>
    public bool HasDeferredRenders => _engine is { } engine && (engine.HasPending || Deferred(engine) > 0);

    private static int Deferred(StepEngine engine) =>
        engine.Context.Has(BuildProducts.Renders) ? engine.Context.Get(BuildProducts.Renders).Deferred : 0;

    /// <summary>
    /// When false, an edit does not start its background search index: <see cref="StartDeferred"/> does, when the caller
    /// chooses (the preview server, once the sources are quiet, so that the index, seconds of work on every core at
    /// 10 000 pages, does not compete with the browser showing the edit). True by default.
    /// </summary>
    public bool StartsDeferredWork { get; init; } = true;

    /// <summary>True when the last edits left their search index to <see cref="StartDeferred"/>.</summary>
    public bool HasUnstartedWork => _search.Requested;

    // The search index is built by the background task instead (it reads the pages as an edit left them); CommitSite
    // writes a folder, and the preview publishes snapshots.
    private static bool RunsInEngine(IBuildStep step) => step is not (StartSearchIndex or BuildSearchIndex or CommitSite);

    /// <summary>Builds the whole site from scratch (the first build, and after <c>site.yml</c> changes).</summary>
    public IncrementalResult Rebuild()
    {
        var watch = Stopwatch.StartNew();
        var gcPause = GC.GetTotalPauseDuration();
        _search.Cancel();
        // The published site stays until the new one succeeds.
        var previous = _publisher.Current;
        _output = new PreviewOutput();
        _publisher = new SnapshotPublisher(_output, previous);
        _search = new BackgroundSearchIndex(_options, _output, _publisher);
        _engine = new StepEngine(_options, _steps, _output, RunsInEngine);
        var changes = new ProductChanges();
        changes.MarkAll(BuildProducts.Sources);
        _engine.Run(changes);
        if (!_engine.Stopped) _search.BuildNow(_engine.Context);
        return Finish(watch, gcPause, full: true);
    }

    /// <summary>
    /// Applies changed source paths (relative to the source folder, e.g. <c>pages/a.md</c>,
    /// <c>layouts/page.cshtml</c>, <c>site.yml</c>): created, edited or deleted files alike.
    /// </summary>
    public IncrementalResult Update(IEnumerable<string> changedPaths) => Update(ChangeSet.From(changedPaths));

    /// <summary>Applies a change set; see <see cref="Update(IEnumerable{string})"/>.</summary>
    public IncrementalResult Update(ChangeSet changes) => Update(changes, null);

    /// <summary>
    /// Applies a change set rendering first the pages among <paramref name="priority"/> (output paths such as
    /// <c>docs/guide/index.html</c>: the pages open in a browser) of those it changes: the others keep their old output
    /// until <see cref="RenderDeferred"/> (or an update with no priority pages, or <see cref="CompleteDeferred"/>), after
    /// which the site is again exactly a full build's. With no priority pages it renders all (ApplyLayouts also does
    /// after a layout change).
    /// </summary>
    public IncrementalResult Update(ChangeSet changes, IReadOnlySet<string>? priority)
    {
        // A configuration error stopped the last rebuild before the pages were read: there is nothing to update.
        if (changes.Config || Last is null || _engine is not { Stopped: false } engine) return Rebuild();
        if (changes.IsEmpty) return Last;
        var watch = Stopwatch.StartNew();
        var gcPause = GC.GetTotalPauseDuration();
        var products = new ProductChanges();
        products.Mark(BuildProducts.Sources, changes.Paths);
        engine.Context.Set(BuildProducts.OpenPages, priority ?? NoPages);
        // When ApplyLayouts left pages for later, so do the steps after it (the site's other files, redirects): the
        // open pages are published first.
        engine.Run(products, step => step is ApplyLayouts && Deferred(engine) > 0);
        // Only editors' temporary files (written and deleted at once): nothing the site shows changed.
        if (products.Products.All(p => p == BuildProducts.Sources)) return Last;
        if (_startSearchIndex.Reads.Any(products.Changed)) _search.Request();
        return Finish(watch, gcPause, full: false);
    }

    /// <summary>
    /// Renders the pages that earlier edits left for later (see <see cref="Update(ChangeSet, IReadOnlySet{string})"/>)
    /// and publishes them, with what follows from them and from those edits (the engine runs ApplyLayouts for the open
    /// pages' change and the steps after it as far as that and what they have not seen reach); null when there were none.
    /// </summary>
    public IncrementalResult? RenderDeferred()
    {
        if (!HasDeferredRenders || Last is null || _engine is not { Stopped: false } engine) return null;
        var watch = Stopwatch.StartNew();
        var gcPause = GC.GetTotalPauseDuration();
        var products = new ProductChanges();
        engine.Context.Set(BuildProducts.OpenPages, NoPages);
        products.MarkAll(BuildProducts.OpenPages);
        engine.Run(products);
        return Finish(watch, gcPause, full: false);
    }

    /// <summary>
    /// Starts the background search index the last edits left unstarted (see <see cref="StartsDeferredWork"/>), over the
    /// pages as they are now; nothing when there is none.
    /// </summary>
    public void StartDeferred()
    {
        if (_engine is { } engine) _search.Start(engine.Context, () => Last is { Succeeded: true });
    }

    private static readonly IReadOnlySet<string> NoPages = new HashSet<string>();

    /// <summary>
    /// Waits for the background search index (see <see cref="HasDeferredWork"/>) and reports the site as it then
    /// is, published as a new version when it has no errors: after it the site equals a full build. Callers
    /// need not call it (the index publishes itself); tests and tools that want the settled site do.
    /// </summary>
    public IncrementalResult CompleteDeferred()
    {
        if (Last is null) return Rebuild();
        RenderDeferred();
        StartDeferred();
        _search.Wait();
        return Finish(Stopwatch.StartNew(), GC.GetTotalPauseDuration(), full: false, ran: false);
    }

    /// <summary>
    /// The build summary lines a full build would print (statswiki links kept external, orphan pages, search
    /// index size), in the order of the steps.
    /// </summary>
    public IReadOnlyList<string> Summary() =>
        _engine?.Summary(step => step is BuildSearchIndex ? _search.Summary : []).ToList() ?? [];

    private IncrementalResult Finish(Stopwatch watch, TimeSpan gcPause, bool full, bool ran = true)
    {
        var engine = _engine!;
        var bag = new DiagnosticBag();
        // A preview is not published: notes about publishing (no base_url, so no sitemap) would only repeat on every save.
        foreach (var d in engine.Diagnostics().Where(d => d.Code != DiagnosticCodes.NoBaseUrl)) bag.Add(d);
        foreach (var d in _search.Diagnostics) bag.Add(d);
        var diagnostics = bag.ToSortedList();
        bool ok = !diagnostics.Any(d => d.IsError) && (!_options.Strict || !diagnostics.Any(d => d.FailsStrict));
        var timings = ran ? engine.Timings.ToList() : [("SearchIndex", watch.Elapsed)];
        var publish = Stopwatch.StartNew();
        if (ok) _publisher.PublishChanged();
        timings.Add(("Publish", publish.Elapsed));
        // Not a phase: how much of the time the garbage collector had every thread stopped.
        timings.Add(("(GC pauses)", GC.GetTotalPauseDuration() - gcPause));
        var renders = engine.Context.Has(BuildProducts.Renders) ? engine.Context.Get(BuildProducts.Renders) : null;
        bool rendered = ran && engine.Ran.Any(s => s is ApplyLayouts);
        int pageCount = engine.Context.Has(BuildProducts.Pages) ? engine.Context.Get(BuildProducts.Pages).Pages.Count : 0;
        Last = new IncrementalResult(diagnostics, ok, full, rendered ? renders?.Rendered ?? [] : [], rendered ? renders?.Removed ?? [] : [],
            pageCount, watch.Elapsed, Current.Version, timings);
        if (StartsDeferredWork) StartDeferred();
        return Last;
    }

    // The steps of the default list are known to the preview; an added one may read any product but those it completes
    // in the background, after an edit is shown (the search index, and so the whole output).
    private static void CheckAddedSteps(IReadOnlyList<IBuildStep> steps)
    {
        var known = SiteGenerator.DefaultSteps().Select(s => s.GetType()).ToHashSet();
        var problems = steps.Where(s => !known.Contains(s.GetType()))
            .SelectMany(step => step.Reads.Where(p => p == BuildProducts.SearchIndex || p == BuildProducts.Output)
                .Select(product => $"step '{step.Name}' reads '{product}', which the preview completes in the background; read the pages or links instead"))
            .ToList();
        if (problems.Count > 0) throw new InvalidStepListException(problems);
    }
}
