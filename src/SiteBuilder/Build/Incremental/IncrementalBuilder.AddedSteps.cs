using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The steps of the engine's list that the builder has no per-page knowledge of (a step added to
/// <see cref="SiteGenerator.DefaultSteps"/>): after an edit, <see cref="StepGraph.Affected"/> says which of them a changed
/// product reaches, and those run again whole, on a context seeded with the builder's products; the files, problems and
/// summary lines of their last run are kept, and replaced by the next.
/// </summary>
public sealed partial class IncrementalBuilder
{
    // The steps the builder runs itself: per page (ParsePages, ResolveLinks, ApplyLayouts), in the background (the
    // search index), or with a finer test of what an edit changes than their declarations give (WriteSiteFiles only
    // when the pages it lists or the files it copies changed).
    private static readonly HashSet<Type> Handled =
    [
        typeof(LoadConfig), typeof(DiscoverPages), typeof(ParsePages), typeof(AssemblePages), typeof(ValidateSections),
        typeof(GenerateIndexPages), typeof(ReadGitHistory), typeof(MapStatswikiUrls), typeof(ResolveLinks), typeof(ReportOrphans),
        typeof(StartSearchIndex), typeof(LoadLayouts), typeof(ApplyLayouts), typeof(BuildSearchIndex), typeof(WriteSiteFiles),
        typeof(WriteRedirects), typeof(WriteSite),
    ];

    private readonly IReadOnlyList<IBuildStep> _steps;
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
        // Every rebuild changes some output (or it would not have run).
        var changed = new HashSet<Product> { BuildProducts.Output };
        if (work.Full)
        {
            changed.UnionWith([BuildProducts.Config, BuildProducts.SourceFiles, BuildProducts.ParsedPages, BuildProducts.AssembledPages,
                BuildProducts.Pages, BuildProducts.GitHistory, BuildProducts.StatswikiMap, BuildProducts.LinkGraph, BuildProducts.Layouts]);
            return changed;
        }
        // A text edit changes a page's body and links; the page set, the tree and the front matter (Pages) stay.
        if (pagesChanged) changed.Add(BuildProducts.ParsedPages);
        if (linksChanged) changed.Add(BuildProducts.LinkGraph);
        if (!inPlace) changed.UnionWith([BuildProducts.AssembledPages, BuildProducts.Pages, BuildProducts.Layouts]);
        if (structural || work.RelinkBroken) changed.Add(BuildProducts.SourceFiles);
        if (statswikiChanged) changed.Add(BuildProducts.StatswikiMap);
        if (work.LayoutsChanged) changed.Add(BuildProducts.Layouts);
        return changed;
    }

    /// <summary>
    /// Runs the given added steps (those a changed product reaches) that come before WriteRedirects, or those after it;
    /// true when the paths they write changed (the redirect stubs must then be checked again).
    /// </summary>
    private bool RunAddedSteps(IReadOnlyList<IBuildStep> affected, bool beforeRedirects)
    {
        int redirects = _steps.Select((s, i) => s is WriteRedirects ? i : -1).Max();
        bool pathsChanged = false;
        foreach (var step in affected)
        {
            int at = _steps.Select((s, i) => s == step ? i : -1).Max();
            if (redirects >= 0 && (at < redirects) != beforeRedirects) continue;
            pathsChanged |= RunAddedStep(step);
        }
        return pathsChanged;
    }

    private bool RunAddedStep(IBuildStep step)
    {
        var context = NewContext();
        _records.TryGetValue(step, out var previous);
        foreach (var product in step.Reads) Seed(context, product);
        context.Execute(step);
        var files = FilesOf(context).ToList();
        var products = new Dictionary<Product, object>();
        foreach (var product in step.Produces)
            if (product.Kind != ProductKind.Gathered && context.TryGetValue(product, out object? value)) products[product] = value!;
        var record = new StepRecord(files.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal), context.Diagnostics.ToSortedList(),
            context.Summary.ToList(), products);
        _records[step] = record;
        bool pathsChanged = previous is null ? record.Paths.Count > 0 : !previous.Paths.SetEquals(record.Paths);
        if (previous is not null)
            foreach (string path in previous.Paths)
                if (!record.Paths.Contains(path)) RemoveOutput(path);
        foreach (var (path, bytes) in files)
            if (!_outputs.TryGetValue(path, out byte[]? old) || !old.AsSpan().SequenceEqual(bytes)) SetOutput(path, bytes);
        return pathsChanged;
    }

    /// <summary>Gives an added step's context one product it reads, from what the builder keeps.</summary>
    private void Seed(BuildContext context, Product product)
    {
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
            _ when product == BuildProducts.LinkGraph => Resolver(),
            _ when product == BuildProducts.Layouts => new SiteLayouts(_layouts!, _sharedRenderer!, new PageModelFactory(_config, _tree, _statswiki)),
            // A product of an earlier added step.
            _ => _records.Values.Select(r => r.Products.GetValueOrDefault(product)).FirstOrDefault(v => v is not null),
        };
        if (value is not null) context.SetValue(product, value);
    }
}
