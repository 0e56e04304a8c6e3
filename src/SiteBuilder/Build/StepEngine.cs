using System.Collections.Concurrent;
using System.Diagnostics;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build;

/// <summary>
/// Runs a step list over one context that it keeps between runs (the preview's): the first run is the whole build;
/// each later one follows a change set (<see cref="ProductChanges"/>, starting with the source files edited) down the
/// same list. A step none of whose reads changed keeps its last result; an <see cref="IIncrementalStep"/> updates its
/// products in place and says what of them changed; any other step runs again whole, its last run's files, problems
/// and summary lines replaced by the new ones, and all it produces counts as changed. So a new step needs nothing but
/// its declarations to be re-run when, and only when, something it reads changed.
/// </summary>
public sealed class StepEngine
{
    private readonly IReadOnlyList<IBuildStep> _steps;
    private readonly Func<IBuildStep, bool> _runsHere;
    private readonly PreviewOutput _output;
    private readonly Dictionary<IBuildStep, StepRun> _runs = [];
    // Problems found before any step (a bad SOURCE_DATE_EPOCH).
    private readonly IReadOnlyList<Diagnostic> _before;
    // What changed for the steps a run stopped before (see Run's stopAfter), and the index of the first of them.
    private ProductChanges? _pending;
    private int _resumeAt;

    /// <summary>What one step's last run left that a new run replaces.</summary>
    private sealed class StepRun
    {
        public DiagnosticBag Diagnostics { get; } = new();
        public ConcurrentQueue<string> Summary { get; set; } = new();
        public HashSet<string> Paths { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Creates an engine for <paramref name="steps"/> (checked by <see cref="StepGraph"/>) writing to
    /// <paramref name="output"/>; nothing runs until <see cref="Run"/>. <paramref name="runsHere"/> leaves out the steps
    /// the caller runs itself, or not at all (the preview: the search index, in the background; CommitSite).
    /// </summary>
    public StepEngine(BuildOptions options, IReadOnlyList<IBuildStep> steps, PreviewOutput output, Func<IBuildStep, bool> runsHere)
    {
        StepGraph.Check(steps);
        _steps = steps;
        _runsHere = runsHere;
        _output = output;
        Context = SiteGenerator.NewContext(options);
        Context.Set(BuildProducts.Output, output);
        _before = Context.Diagnostics.ToSortedList();
    }

    /// <summary>The products, kept between runs (read them between runs, not during one).</summary>
    public BuildContext Context { get; }

    /// <summary>True when the last run stopped after a configuration error.</summary>
    public bool Stopped { get; private set; }

    /// <summary>The steps the last run ran (updated or whole), in order.</summary>
    public List<IBuildStep> Ran { get; } = [];

    /// <summary>Time per step of the last run.</summary>
    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = [];

    /// <summary>True when a run stopped early (see <see cref="Run"/>) and the steps after the stop are still to see what changed.</summary>
    public bool HasPending => _pending is not null;

    /// <summary>
    /// Runs the steps <paramref name="changes"/> reach, in the list's order; the first run runs every step. On return
    /// <paramref name="changes"/> holds every product that changed. When <paramref name="stopAfter"/> says so of a step
    /// that ran, the run stops there: the steps after it see what changed in the next run (with what changes then),
    /// which the caller makes soon (the preview, once the open pages are shown: see <see cref="BuildProducts.OpenPages"/>).
    /// </summary>
    public void Run(ProductChanges changes, Func<IBuildStep, bool>? stopAfter = null)
    {
        Timings.Clear();
        Ran.Clear();
        Stopped = false;
        var runnable = _steps.Where(_runsHere).ToList();
        for (int index = 0; index < runnable.Count; index++)
        {
            var step = runnable[index];
            if (_pending is { } pending && index == _resumeAt)
            {
                changes.Add(pending);
                _pending = null;
            }
            bool first = !_runs.TryGetValue(step, out var run);
            if (!first && !step.Reads.Any(changes.Changed)) continue;
            if (first) Context.Options.Progress?.Report(new BuildProgress(step.Name, index, runnable.Count));
            var watch = Stopwatch.StartNew();
            run ??= new StepRun();
            bool updated = false;
            if (step is IIncrementalStep incremental)
            {
                // The first run of an incremental step is an update of everything: it keeps what later updates need.
                // A later one starts a new summary, kept only when the step could update in place.
                Context.UseDiagnostics(run.Diagnostics);
                var summary = first ? run.Summary : new ConcurrentQueue<string>();
                Context.SetValue(BuildProducts.Summary, summary);
                updated = Context.Update(incremental, changes);
                if (updated) run.Summary = summary;
            }
            if (!updated) run = RunWhole(step, run, changes);
            _runs[step] = run;
            Ran.Add(step);
            Timings.Add((step.Name, watch.Elapsed));
            if (SiteGenerator.StopsAfter(step, run.Diagnostics))
            {
                Stopped = true;
                break;
            }
            if (!first && index + 1 < runnable.Count && stopAfter?.Invoke(step) == true)
            {
                // What the steps from here on have not seen: this run's changes and those of an earlier stop further on.
                if (_pending is { } later) changes.Add(later);
                _pending = changes;
                _resumeAt = index + 1;
                break;
            }
        }
    }

    // Runs a step again whole: its last run's files go, its problems and summary lines start empty, and everything it
    // produces counts as changed (the output: the paths that appeared or went).
    private StepRun RunWhole(IBuildStep step, StepRun previous, ProductChanges changes)
    {
        foreach (string path in previous.Paths) _output.Remove(path);
        var run = new StepRun();
        Context.UseDiagnostics(run.Diagnostics);
        Context.SetValue(BuildProducts.Summary, run.Summary);
        _output.StartRecording();
        try { Context.Execute(step); }
        finally { run.Paths = _output.StopRecording(); }
        foreach (var product in step.Produces.Where(p => p.Kind != ProductKind.Gathered)) changes.MarkAll(product);
        if (!run.Paths.SetEquals(previous.Paths))
            changes.Mark(BuildProducts.Output, run.Paths.Where(p => !previous.Paths.Contains(p)).Concat(previous.Paths.Where(p => !run.Paths.Contains(p))));
        return run;
    }

    /// <summary>Every current problem of the steps run here, each step's from its last run.</summary>
    public IEnumerable<Diagnostic> Diagnostics() => _before.Concat(_runs.Values.SelectMany(r => r.Diagnostics.ToSortedList()));

    /// <summary>The summary lines in the steps' order, each step's from its last run; <paramref name="elsewhere"/> gives those of the steps run elsewhere.</summary>
    public IEnumerable<string> Summary(Func<IBuildStep, IEnumerable<string>> elsewhere) =>
        _steps.SelectMany(step => _runsHere(step) ? _runs.GetValueOrDefault(step)?.Summary ?? [] : elsewhere(step));
}
