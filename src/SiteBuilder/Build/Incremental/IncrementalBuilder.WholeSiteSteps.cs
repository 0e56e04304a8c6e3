using System.Diagnostics;
using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The whole-site steps at the end of the engine's list (WriteSiteFiles, WriteRedirects, and any step added to
/// <see cref="SiteGenerator.DefaultSteps"/>, of which the builder has no per-page knowledge): after an edit, those a
/// changed product reaches run again whole, in the engine's order, on a context seeded with the builder's products; the
/// files, problems and summary lines of each one's last run are kept, and replaced by the next.
/// </summary>
public sealed partial class IncrementalBuilder
{
    // The steps the builder knows: those it runs per page (ParsePages, ResolveLinks, ApplyLayouts), for the changed
    // pages only (ValidateSections), in the background (the search index), on demand (ReportOrphans), or as one whole-site
    // pass when the front matter changed (AssemblePages to MapStatswikiUrls); WriteSiteFiles and WriteRedirects run below.
    private static readonly HashSet<Type> Handled =
    [
        typeof(LoadConfig), typeof(DiscoverPages), typeof(ParsePages), typeof(AssemblePages), typeof(ValidateSections),
        typeof(GenerateIndexPages), typeof(ReadGitHistory), typeof(MapStatswikiUrls), typeof(ResolveLinks), typeof(ReportOrphans),
        typeof(StartSearchIndex), typeof(LoadLayouts), typeof(ApplyLayouts), typeof(BuildSearchIndex), typeof(WriteSiteFiles),
        typeof(WriteRedirects), typeof(CommitSite),
    ];

    private readonly IReadOnlyList<IBuildStep> _steps;
    // The engine's steps from the parsed pages to the statswiki map, re-run whole when a page's front matter changed.
    private readonly IReadOnlyList<IBuildStep> _assembly;
    private readonly Dictionary<IBuildStep, StepRecord> _records = [];
    private GitHistory _gitHistory = GitHistory.None;

    private sealed record StepRecord(HashSet<string> Paths, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Summary,
        Dictionary<Product, object> Products);

    private bool IsAdded(IBuildStep step) => !Handled.Contains(step.GetType());

    // An added step may read any product the builder keeps (but the output and the search index) and those of earlier
    // added steps, and add files and summary lines; it cannot make one the builder's own steps read (they would not see it).
    private void CheckAddedSteps()
    {
        var problems = new List<string>();
        var handledReads = _steps.Where(s => !IsAdded(s)).SelectMany(s => s.Reads).ToHashSet();
        foreach (var step in _steps.Where(IsAdded))
        {
            // The search index is finished in the background after an edit is published: what reads it or the whole output
            // would have to run again then.
            foreach (var product in step.Reads.Where(p => p == BuildProducts.SearchIndex || p == BuildProducts.Output))
                problems.Add($"step '{step.Name}' reads '{product}', which the preview completes in the background; read the pages or links instead");
            foreach (var product in step.Produces.Where(p => p != BuildProducts.Output && p != BuildProducts.Summary && handledReads.Contains(p)))
                problems.Add($"step '{step.Name}' produces '{product}', which the preview's own steps read from their own products");
        }
        if (problems.Count > 0) throw new InvalidStepListException(problems);
    }

    /// <summary>The products an update changed, as the declarations name them.</summary>
    private static HashSet<Product> ChangedProducts(Work work, bool inPlace, bool pagesChanged, bool linksChanged, bool statswikiChanged, bool structural)
    {
        var changed = new HashSet<Product>();
        if (work.Full)
        {
            changed.UnionWith([BuildProducts.Config, BuildProducts.SourceFiles, BuildProducts.ParsedPages, BuildProducts.AssembledPages,
                BuildProducts.Pages, BuildProducts.GitHistory, BuildProducts.StatswikiMap, BuildProducts.LinkGraph, BuildProducts.Layouts,
                BuildProducts.Output]);
            return changed;
        }
        // A text edit changes a page's body and links; the page set, the tree and the front matter (Pages) stay.
        if (pagesChanged) changed.Add(BuildProducts.ParsedPages);
        if (linksChanged) changed.Add(BuildProducts.LinkGraph);
        if (!inPlace) changed.UnionWith([BuildProducts.AssembledPages, BuildProducts.Pages, BuildProducts.Layouts]);
        if (structural || work.RelinkBroken) changed.Add(BuildProducts.SourceFiles);
        if (statswikiChanged) changed.Add(BuildProducts.StatswikiMap);
        if (work.LayoutsChanged) changed.Add(BuildProducts.Layouts);
        // The preview's steps that read the output (WriteRedirects) look only at which paths it has: pages and theme
        // assets come and go here; a whole-site step below that writes other paths adds it.
        if (structural || work.LayoutsChanged) changed.Add(BuildProducts.Output);
        return changed;
    }

    /// <summary>
    /// The whole-site steps after the pages are rendered, in the engine's order: WriteSiteFiles when what it lists or
    /// copies changed (a finer test than its declarations: a title below the top level is in no site file), WriteRedirects
    /// and every added step when a product they read changed, or what an earlier one of them made.
    /// </summary>
    private void RunWholeSiteSteps(Stopwatch watch, Work work, HashSet<Product> changed)
    {
        foreach (var step in _steps)
        {
            bool run = step is WriteSiteFiles ? work.SiteFiles : (step is WriteRedirects || IsAdded(step)) && step.Reads.Any(changed.Contains);
            if (!run) continue;
            // A preview is not published: notes about publishing (no base_url, so no sitemap) would only repeat on every save.
            bool pathsChanged = RunRecorded(step, step is WriteSiteFiles ? d => d.FailsStrict : _ => true);
            if (pathsChanged || step is WriteSiteFiles) changed.Add(BuildProducts.Output);
            changed.UnionWith(step.Produces.Where(p => p.Kind != ProductKind.Gathered));
            Lap(watch, step.Name);
        }
    }

    /// <summary>
    /// Runs one whole-site step on a context seeded with the builder's products (and, when it reads the output, every
    /// current file but its own), and replaces the files, problems and summary lines of its last run with this run's;
    /// true when the paths it writes changed.
    /// </summary>
    private bool RunRecorded(IBuildStep step, Func<Diagnostic, bool> keep)
    {
        var context = NewContext();
        _records.TryGetValue(step, out var previous);
        foreach (var product in step.Reads) Seed(context, product, previous);
        var seeded = FilesOf(context).Keys.ToHashSet(StringComparer.Ordinal);
        context.Execute(step);
        var files = FilesOf(context).Where(kv => !seeded.Contains(kv.Key)).ToList();
        var products = new Dictionary<Product, object>();
        foreach (var product in step.Produces)
            if (product.Kind != ProductKind.Gathered && context.TryGetValue(product, out object? value)) products[product] = value!;
        var record = new StepRecord(files.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal),
            context.Diagnostics.ToSortedList().Where(keep).ToList(), context.Summary.ToList(), products);
        _records[step] = record;
        if (previous is not null)
            foreach (string path in previous.Paths)
                if (!record.Paths.Contains(path)) RemoveOutput(path);
        foreach (var (path, bytes) in files)
            if (!_outputs.TryGetValue(path, out byte[]? old) || !old.AsSpan().SequenceEqual(bytes)) SetOutput(path, bytes);
        return previous is null ? record.Paths.Count > 0 : !previous.Paths.SetEquals(record.Paths);
    }

    /// <summary>Gives a whole-site step's context one product it reads, from what the builder keeps.</summary>
    private void Seed(BuildContext context, Product product, StepRecord? previous)
    {
        if (product == BuildProducts.Output)
        {
            // Every current file but the step's own from its last run, as a full build shows them to it.
            var files = FilesOf(context);
            foreach (var (path, bytes) in _outputs)
                if (previous is null || !previous.Paths.Contains(path)) files[path] = bytes;
            return;
        }
        List<Content.Page> Markdown() => _active.Where(p => p.Kind != Content.PageKind.Generated).ToList();
        object? value = product switch
        {
            // The configuration is seeded by NewContext, and a step's summary lines start empty.
            _ when product == BuildProducts.Config || product == BuildProducts.Summary => null,
            _ when product == BuildProducts.SourceFiles => new SourceFiles(_all.Values.OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToList(), _pageAssets),
            _ when product == BuildProducts.ParsedPages => Markdown(),
            _ when product == BuildProducts.AssembledPages => new SitePages(Markdown(), _tree),
            _ when product == BuildProducts.Pages => new SitePages(_active, _tree),
            _ when product == BuildProducts.GitHistory => _gitHistory,
            _ when product == BuildProducts.StatswikiMap => _statswiki,
            _ when product == BuildProducts.LinkGraph => _links,
            _ when product == BuildProducts.Layouts => new SiteLayouts(_layouts!, new RendererByLayout(this), new PageModelFactory(_config, _tree, _statswiki)),
            // A product of an earlier added step.
            _ => _records.Values.Select(r => r.Products.GetValueOrDefault(product)).FirstOrDefault(v => v is not null),
        };
        if (value is not null) context.SetValue(product, value);
    }

    /// <summary>The builder's renderers as one: a layout whose own template changed has a fresh renderer of its own.</summary>
    private sealed class RendererByLayout(IncrementalBuilder builder) : ILayoutRenderer
    {
        public bool HasLayout(string name) => builder.RendererFor(name).HasLayout(name);

        public Task<string?> RenderAsync(string name, PageModel model, SourceLocation page, DiagnosticBag diagnostics) =>
            builder.RendererFor(name).RenderAsync(name, model, page, diagnostics);

        public Task<bool> RenderAsync(string name, PageModel model, TextWriter output, SourceLocation page, DiagnosticBag diagnostics) =>
            builder.RendererFor(name).RenderAsync(name, model, output, page, diagnostics);
    }
}
