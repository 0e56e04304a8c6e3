using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Linking;
using SiteBuilder.Output;
using SiteBuilder.Search;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Keeps a built site in memory and rebuilds only what a change affects, producing exactly what the full
/// build (<see cref="SiteGenerator.DefaultSteps"/>) produces. Markdown is parsed again only for the changed
/// files. A text edit that leaves the front matter alone is applied in place; any other change re-runs the
/// cheap whole-site steps (AssemblePages, ValidateSections, GenerateIndexPages, MapStatswikiUrls) and, after
/// rendering, WriteRedirects. Links are resolved again (with ResolveLinks' own per-page method, over the links
/// the parse kept) only where a target, a title, a child list or the statswiki map may have changed;
/// models are computed for the pages that can show a changed page, and only those whose model actually
/// changed go through Razor again. The search index is built on a background task (see
/// <see cref="CompleteDeferred"/>); the orphan report only on demand (<see cref="Summary"/>).
/// Not thread-safe: one caller drives it (the preview server's rebuild loop).
/// </summary>
public sealed partial class IncrementalBuilder
{
    private readonly BuildOptions _options;
    private readonly string _sourceDir;

    private SiteConfig _config = new();
    private HashSet<string> _sourceDocuments = new(StringComparer.Ordinal);
    private IReadOnlyList<Diagnostic> _configDiagnostics = [];
    private IReadOnlyList<Diagnostic> _siteDiagnostics = [];
    private IReadOnlyList<Diagnostic> _layoutSetDiagnostics = [];
    // Every page file by path under pages/, drafts included (their parse problems are reported too).
    private readonly Dictionary<string, Page> _all = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PageState> _state = new(StringComparer.Ordinal);
    private List<Page> _active = [];
    private PageTree _tree = PageTree.Build([]);
    private List<string> _pageAssets = [];
    private Dictionary<string, string> _lastUpdated = new(StringComparer.Ordinal);

    private LayoutSet? _layouts;
    private RazorLightLayoutRenderer? _sharedRenderer;
    // A layout whose own template changed gets a fresh renderer; the others keep their compiled templates.
    private readonly Dictionary<string, RazorLightLayoutRenderer> _layoutRenderers = new(StringComparer.Ordinal);
    // Compile errors are reported once per renderer and layout, so they are kept until that layout changes.
    private readonly ConcurrentDictionary<(RazorLightLayoutRenderer Renderer, string Layout), List<Diagnostic>> _compileDiagnostics = new();

    private readonly List<(string Phase, TimeSpan Elapsed)> _timings = [];
    private TimeSpan _lapStart;

    private TimeSpan _gcPauseAtStart;

    private void Lap(Stopwatch watch, string phase)
    {
        _timings.Add((phase, watch.Elapsed - _lapStart));
        _lapStart = watch.Elapsed;
    }

    private void StartTimings()
    {
        _timings.Clear();
        _lapStart = TimeSpan.Zero;
        _gcPauseAtStart = GC.GetTotalPauseDuration();
    }

    private readonly ConcurrentDictionary<string, byte[]> _outputs = new(StringComparer.Ordinal);
    // Output paths written or removed since the last publish: publishing applies only these to the
    // immutable published site, instead of copying 10 000 entries per keystroke.
    private readonly ConcurrentDictionary<string, bool> _dirty = new(StringComparer.Ordinal);
    private bool _publishAll = true;
    private ImmutableDictionary<string, byte[]> _published = ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal);
    // Reused while the tree, the assets and every page's ids stay the same (building one costs ~30 ms at 10 000 pages).
    private LinkResolver? _resolver;
    private Dictionary<string, Page> _activeByRel = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlySet<string>> _previousIds = new(StringComparer.Ordinal);

    private void SetOutput(string path, byte[] bytes)
    {
        _outputs[path] = bytes;
        _dirty[path] = true;
    }

    private bool RemoveOutput(string path)
    {
        _dirty[path] = true;
        return _outputs.TryRemove(path, out _);
    }
    private StatswikiUrlMap _statswiki = StatswikiUrlMap.Empty;
    private string _statswikiSignature = "";
    private WikiLinkResolver? _wiki;
    // Generated pages (index and label pages) are made anew by every assembly; their state is kept by URL.
    private readonly Dictionary<string, PageState> _generated = new(StringComparer.Ordinal);
    private HashSet<string> _searchPaths = new(StringComparer.Ordinal);
    private IReadOnlyList<Diagnostic> _searchDiagnostics = [];
    private List<string> _searchSummary = [];
    // The search index is built on a background task, one at a time: a request that arrives while one runs
    // waits in _searchQueued (the newest wins), and a build applies only if no newer request or full rebuild came.
    private readonly object _searchLock = new();
    private readonly object _publishLock = new();
    private Task? _searchTask;
    private int _searchGeneration;
    private (IReadOnlyList<SearchDocument> Documents, SearchOptions Options, int Generation)? _searchQueued;
    private HashSet<string> _themeAssetPaths = new(StringComparer.Ordinal);
    private readonly Safety.SourceTree _source;

    /// <summary>
    /// Creates a builder for the engine's steps (<see cref="SiteGenerator.DefaultSteps"/>, or the given ones); nothing is
    /// built until <see cref="Rebuild"/>.
    /// </summary>
    /// <exception cref="InvalidStepListException">The list is refused by <see cref="StepGraph"/>, or has a step the preview cannot re-run.</exception>
    public IncrementalBuilder(BuildOptions options, IReadOnlyList<IBuildStep>? steps = null)
    {
        _steps = steps ?? SiteGenerator.DefaultSteps();
        StepGraph.Check(_steps);
        CheckAddedSteps();
        _assembly = StepGraph.Affected(_steps.TakeWhile(s => s is not ResolveLinks).Where(s => !IsAdded(s)).ToList(), [BuildProducts.ParsedPages]).Steps;
        _options = options;
        _sourceDir = Path.GetFullPath(options.SourceDir);
        _source = new Safety.SourceTree(_sourceDir);
    }

    /// <summary>The last successfully built site (empty before the first success).</summary>
    public SiteSnapshot Current { get; private set; } = SiteSnapshot.Empty;

    /// <summary>The result of the last rebuild, or null before the first.</summary>
    public IncrementalResult? Last { get; private set; }

    /// <summary>Builds the whole site from scratch (the first build, and after <c>site.yml</c> changes).</summary>
    public IncrementalResult Rebuild()
    {
        var watch = Stopwatch.StartNew();
        StartTimings();
        _all.Clear();
        _state.Clear();
        _active = [];
        _tree = PageTree.Build([]);
        _outputs.Clear();
        _dirty.Clear();
        _publishAll = true;
        _resolver = null;
        _activeByRel = new Dictionary<string, Page>(StringComparer.Ordinal);
        _previousIds = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        _themeAssetPaths.Clear();
        _statswiki = StatswikiUrlMap.Empty;
        _statswikiSignature = "";
        _wiki = null;
        _generated.Clear();
        _searchPaths.Clear();
        _searchDiagnostics = [];
        _searchSummary = [];
        lock (_searchLock)
        {
            // A background index of the old site must not land in the new one.
            _searchGeneration++;
            _searchQueued = null;
        }
        _searchRequested = false;
        _deferredRenders.Clear();
        _siteDiagnostics = [];
        _compileDiagnostics.Clear();
        _layoutRenderers.Clear();
        _records.Clear();

        var progress = _options.Progress;
        const int steps = 5;
        progress?.Report(new BuildProgress(nameof(LoadConfig), 0, steps));
        var context = NewContext();
        context.Execute(new LoadConfig());
        _config = context.Config;
        _configDiagnostics = context.Diagnostics.ToSortedList();
        // Configuration errors make everything after them noise (as in SiteGenerator).
        if (_configDiagnostics.Any(d => d.IsConfigurationError))
            return Finish(watch, full: true, [], []);

        progress?.Report(new BuildProgress(nameof(DiscoverPages), 1, steps));
        context.Execute(new DiscoverPages());
        _pageAssets = context.PageAssets.ToList();
        var pages = context.Pages.ToList();
        progress?.Report(new BuildProgress(nameof(ParsePages), 2, steps));
        Parse(pages);
        progress?.Report(new BuildProgress(nameof(ReadGitHistory), 3, steps));
        context.Execute(new ReadGitHistory());
        _gitHistory = context.Get(BuildProducts.GitHistory);
        _lastUpdated = new Dictionary<string, string>(context.LastUpdated, StringComparer.Ordinal);
        LoadLayouts(newRenderers: true);
        Lap(watch, "Read");

        progress?.Report(new BuildProgress("AssembleAndRender", 4, steps));
        var changed = pages.ToDictionary(p => p.RelativePath, _ => (Page?)null, StringComparer.Ordinal);
        return Process(watch, changed, new Work { AllModels = true, SiteFiles = true, RelinkBroken = true, Full = true });
    }

    /// <summary>
    /// Applies changed source paths (relative to the source folder, e.g. <c>pages/a.md</c>,
    /// <c>layouts/page.cshtml</c>, <c>site.yml</c>): created, edited or deleted files alike.
    /// </summary>
    public IncrementalResult Update(IEnumerable<string> changedPaths) => Update(ChangeSet.From(changedPaths));

    /// <summary>Applies a change set; see <see cref="Update(IEnumerable{string})"/>.</summary>
    public IncrementalResult Update(ChangeSet changes)
    {
        // A configuration error stopped the last rebuild before the pages were read: there is nothing to update.
        if (changes.Config || Last is null || _layouts is null || _configDiagnostics.Any(d => d.IsConfigurationError)) return Rebuild();
        var watch = Stopwatch.StartNew();
        StartTimings();
        var work = new Work();
        // Editors write temporary files beside the page (sed, vim's 4913) and delete them at once: a path
        // that neither exists now nor was an asset before changes nothing.
        string pagesDir = Path.Combine(_sourceDir, "pages");
        changes.PageAssetPaths.RemoveWhere(rel => rel.Length > 0 && !Path.Exists(Path.Combine(pagesDir, rel)) &&
                                                  !_pageAssets.Contains(rel) && !_pageAssets.Any(a => a.StartsWith(rel + "/", StringComparison.Ordinal)) &&
                                                  !_all.Keys.Any(k => k.StartsWith(rel + "/", StringComparison.Ordinal)));
        if (changes.IsEmpty) return Last;

        if (changes.SharedLayout || changes.Layouts.Count > 0 || changes.ThemeAssets)
        {
            LoadLayouts(newRenderers: changes.SharedLayout);
            work.LayoutsChanged = true;
            if (changes.SharedLayout) work.AllModels = work.ForceRender = true;
            foreach (string name in changes.Layouts)
            {
                _layoutRenderers[name] = new RazorLightLayoutRenderer(_layouts, trustLayouts: _options.TrustLayouts, renderTimeLimit: _options.LayoutRenderTimeLimit);
                work.ForcedLayouts.Add(name);
            }
            // The 404 page is rendered through a layout too.
            work.SiteFiles |= changes.SharedLayout || changes.Layouts.Count > 0;
        }
        // A template that does not compile is reported once, naming the first page (in URL order) that uses it, as in
        // the full build; a page edit can change which page that is. While one fails, every page renders again.
        // So after a render stopped by a limit (which stops every later render of its renderer), whatever changed: the
        // change may be the fix, and a full build renders every page afresh.
        bool stopped = _sharedRenderer?.IsStopped == true || _layoutRenderers.Values.Any(r => r.IsStopped);
        if (stopped || ((changes.Pages.Count > 0 || changes.PageAssets) && _compileDiagnostics.Any(kv => RendererFor(kv.Key.Layout) == kv.Key.Renderer)))
        {
            LoadLayouts(newRenderers: true);
            work.AllModels = work.ForceRender = work.SiteFiles = work.LayoutsChanged = true;
        }
        if (changes.PageAssets)
        {
            var context = NewContext();
            context.Execute(new DiscoverPages());
            _pageAssets = context.PageAssets.ToList();
            work.SiteFiles = work.RelinkBroken = true;
            // A folder event (moved, deleted) names no page: compare the pages on disk with the known ones.
            var onDisk = context.Pages.Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal);
            changes.Pages.UnionWith(onDisk.Where(rel => !_all.ContainsKey(rel)));
            changes.Pages.UnionWith(_all.Keys.Where(rel => !onDisk.Contains(rel)));
        }

        var changed = new Dictionary<string, Page?>(StringComparer.Ordinal);
        var reparse = new List<Page>();
        _previousIds = changes.Pages.Where(_state.ContainsKey).ToDictionary(rel => rel, rel => _state[rel].Ids, StringComparer.Ordinal);
        if (changes.PageAssets) _resolver = null;
        foreach (string rel in changes.Pages)
        {
            changed[rel] = _all.GetValueOrDefault(rel);
            if (_source.Check("pages/" + rel).Kind == Safety.SourceEntryKind.File) reparse.Add(new Page(rel));
            else if (_state.Remove(rel, out var gone))
            {
                _all.Remove(rel);
                _removedStates[rel] = gone;
            }
        }
        Parse(reparse);
        Lap(watch, "Parse");
        return Process(watch, changed, work);
    }

    private sealed class Work
    {
        public bool AllModels { get; set; }
        public bool ForceRender { get; set; }
        public bool SiteFiles { get; set; }
        public bool RelinkBroken { get; set; }
        public bool Full { get; init; }
        public bool LayoutsChanged { get; set; }
        public HashSet<string> ForcedLayouts { get; } = new(StringComparer.Ordinal);
    }

    private BuildContext NewContext()
    {
        var context = new BuildContext(_options);
        context.Set(BuildProducts.Config, _config);
        context.BuildDate = SourceDateEpoch.Resolve(_options.SourceDateEpoch, context.Diagnostics);
        return context;
    }

    private void LoadLayouts(bool newRenderers)
    {
        var bag = new DiagnosticBag();
        _layouts = LayoutSet.Load(_source, bag);
        _layoutSetDiagnostics = bag.ToSortedList();
        if (newRenderers || _sharedRenderer is null)
        {
            _sharedRenderer = new RazorLightLayoutRenderer(_layouts, trustLayouts: _options.TrustLayouts, renderTimeLimit: _options.LayoutRenderTimeLimit);
            _layoutRenderers.Clear();
            _compileDiagnostics.Clear();
        }
        foreach (string path in _themeAssetPaths) RemoveOutput(path);
        _themeAssetPaths = new HashSet<string>(_layouts.Assets.Keys, StringComparer.Ordinal);
        foreach (var (path, bytes) in _layouts.Assets) SetOutput(path, bytes);
    }

    private RazorLightLayoutRenderer RendererFor(string layout) => _layoutRenderers.GetValueOrDefault(layout) ?? _sharedRenderer!;

    /// <summary>Reads and parses pages with the ParsePages step, and remembers what link resolution needs.</summary>
    private void Parse(List<Page> pages)
    {
        if (pages.Count == 0) return;
        var context = NewContext();
        context.Set(BuildProducts.SourceFiles, new SourceFiles(pages, _pageAssets));
        context.Execute(new ParsePages());
        var byPath = context.Diagnostics.ToSortedList().ToLookup(d => d.Location.Path, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var old = _state.GetValueOrDefault(page.RelativePath);
            _all[page.RelativePath] = page;
            _state[page.RelativePath] = new PageState
            {
                Parse = byPath[page.SourcePath].ToList(),
                Ids = ResolveLinks.IdsOf(page).ToHashSet(StringComparer.Ordinal),
                HasChildrenBlock = page.Body?.HasChildList == true,
                CitesStatswiki = page.Body?.CitesStatswiki == true,
                HasWikiLinks = page.Body?.Links.Any(l => l.Kind == SiteBuilder.Markdown.Body.MarkdownLinkKind.WikiLink) == true,
                // What other pages show of it is only known after assembly; these are compared then.
                Outbound = old?.Outbound ?? new HashSet<string>(StringComparer.Ordinal),
                Fingerprint = old?.Fingerprint,
            };
        }
    }

    private IncrementalResult Process(Stopwatch watch, Dictionary<string, Page?> changed, Work work)
    {
        var oldActive = _activeByRel;
        // In place: every changed page keeps its URL, draft state, layout, aliases and what other pages show
        // of it (the usual edit of a page's text). The tree, kinds and layouts then stay as they are.
        bool inPlace = !work.Full && !work.RelinkBroken && changed.All(kv =>
            kv.Value is { } old && oldActive.GetValueOrDefault(kv.Key) == old &&
            _all.TryGetValue(kv.Key, out var now) && SameShape(old, now));
        Dictionary<string, Page> active;
        bool statswikiChanged = false;
        List<Page> generated = [];
        if (inPlace)
        {
            var pages = new List<Page>();
            foreach (var (rel, old) in changed)
            {
                var now = _all[rel];
                (old!.FrontMatterSource, old.FrontMatter, old.Body) = (now.FrontMatterSource, now.FrontMatter, now.Body);
                _all[rel] = old;
                pages.Add(old);
            }
            // Only the changed entries need their schema checked again.
            var context = NewContext();
            context.Set(BuildProducts.AssembledPages, new SitePages(pages, _tree));
            context.Execute(new ValidateSections());
            var paths = pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
            _siteDiagnostics = _siteDiagnostics.Where(d => !(paths.Contains(d.Location.Path) && d.Code.StartsWith("SB02", StringComparison.Ordinal)))
                .Concat(context.Diagnostics.ToSortedList()).ToList();
            active = oldActive;
        }
        else
        {
            // The whole-site steps the parsed pages reach before the links are resolved, in the engine's order (AssemblePages
            // to MapStatswikiUrls): they decide URLs, tree, kinds, layouts and the statswiki map, in one cheap pass over the
            // pages' front matter.
            var context = NewContext();
            context.Set(BuildProducts.ParsedPages, _all.Values.Where(p => _options.IncludeDrafts || !p.FrontMatter.Draft)
                .OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToList());
            foreach (var step in _assembly) context.Execute(step);
            _siteDiagnostics = context.Diagnostics.ToSortedList();
            _tree = context.Tree;
            _active = context.Pages.ToList();
            active = _active.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
            _activeByRel = active;
            _resolver = null;
            _wiki = null;
            _statswiki = context.StatswikiMap;
            string signature = string.Join('\n', _statswiki.Mappings.Select(m => $"{m.Url} {m.Page.Url} {m.Page.Title} {m.Declared}"));
            statswikiChanged = signature != _statswikiSignature;
            _statswikiSignature = signature;
            generated = _active.Where(p => p.Kind == PageKind.Generated).ToList();
            foreach (var page in generated)
            {
                // Links into a generated page come from other pages, so the new copy keeps the old one's backlinks.
                if (oldActive.GetValueOrDefault(page.RelativePath) is { Kind: PageKind.Generated } old) page.BacklinkUrls.UnionWith(old.BacklinkUrls);
            }
            var urls = generated.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
            foreach (string url in _generated.Keys.Where(u => !urls.Contains(u)).ToList()) _generated.Remove(url);
        }
        Lap(watch, "Assemble");

        var added = inPlace ? [] : _active.Where(p => !oldActive.ContainsKey(p.RelativePath)).ToList();
        var removed = inPlace ? [] : oldActive.Values.Where(p => !active.ContainsKey(p.RelativePath)).ToList();
        bool structural = added.Count > 0 || removed.Count > 0;

        // Backlinks come from other pages' links, so a re-parsed page keeps the ones it had.
        foreach (var (rel, old) in changed)
            if (old is not null && active.TryGetValue(rel, out var now) && now != old) now.BacklinkUrls.UnionWith(old.BacklinkUrls);

        var faceChanged = new List<Page>();
        var idsChanged = new List<Page>();
        bool titleChanged = false;
        foreach (var (rel, old) in changed)
        {
            if (old is null || !oldActive.ContainsKey(rel) || !active.TryGetValue(rel, out var now)) continue;
            // Entries show their fields in their section's table and in the generated pages, so any front-matter edit counts.
            if (Face(old) != Face(now) || old.FrontMatterSource != now.FrontMatterSource) faceChanged.Add(now);
            titleChanged |= old.Title != now.Title;
            if (_previousIds.GetValueOrDefault(rel) is { } ids && !ids.SetEquals(_state[rel].Ids)) idsChanged.Add(now);
        }

        if (idsChanged.Count > 0) _resolver = null;

        // Pages whose links must be resolved again.
        var relink = new HashSet<Page>();
        if (work.Full) relink.UnionWith(_active);
        foreach (string rel in changed.Keys)
            if (active.TryGetValue(rel, out var page)) relink.Add(page);
        if (structural || work.RelinkBroken || idsChanged.Count > 0 || faceChanged.Count > 0 || statswikiChanged)
            relink.UnionWith(_active.Where(p => StateOf(p).Link.Count > 0));
        // Wiki links show their target's title and find pages by title; {{children}} lists the children's titles.
        foreach (var page in faceChanged)
            foreach (string from in page.BacklinkUrls)
                if (_tree.ByUrl(from) is { } source) relink.Add(source);
        foreach (var page in faceChanged.Concat(added).Concat(removed))
            if (NearestAncestor(page.Url) is { } parent && TryState(parent, out var parentState) && parentState!.HasChildrenBlock) relink.Add(parent);
        // A wiki link finds its page by title among all pages: a new page or title can make one ambiguous.
        if (titleChanged || added.Count > 0) relink.UnionWith(_active.Where(p => TryState(p, out var st) && st!.HasWikiLinks));
        // Links to statswiki addresses become internal (or external again) when the map changes.
        if (statswikiChanged) relink.UnionWith(_active.Where(p => TryState(p, out var st) && st!.CitesStatswiki));
        // Links into a removed page, or to fragments of a page whose ids changed, may break or heal.
        foreach (var page in removed.Concat(idsChanged))
            foreach (string from in page.BacklinkUrls)
                if (_tree.ByUrl(from) is { } source) relink.Add(source);

        var before = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Touch(string url)
        {
            if (!before.ContainsKey(url) && _tree.ByUrl(url) is { } target) before[url] = target.BacklinkUrls.ToArray();
        }
        foreach (var page in relink.Concat(removed))
        {
            if (!TryState(page, out var state) && !TryRemovedState(page, out state)) continue;
            foreach (string url in state!.Outbound)
            {
                Touch(url);
                _tree.ByUrl(url)?.BacklinkUrls.Remove(page.Url);
            }
        }
        Lap(watch, "Compare");
        ResolveLinksOf(relink);
        Lap(watch, "ResolveLinks");
        foreach (var page in relink)
        {
            foreach (string url in StateOf(page).Outbound)
            {
                Touch(url);
                _tree.ByUrl(url)?.BacklinkUrls.Add(page.Url);
            }
        }
        var backlinksChanged = before.Where(kv => _tree.ByUrl(kv.Key) is { } t && !t.BacklinkUrls.SequenceEqual(kv.Value))
            .Select(kv => _tree.ByUrl(kv.Key)!).ToList();

        // Pages whose model may have changed.
        var models = new HashSet<Page>(relink);
        models.UnionWith(backlinksChanged);
        models.UnionWith(added);
        foreach (var page in faceChanged.Concat(added).Concat(removed)) models.UnionWith(Dependents(page));
        // Generated pages are new objects after every assembly; the fingerprint decides whether they render.
        models.UnionWith(generated);
        // Page models link cited sources to their statswiki mirror.
        if (work.AllModels || statswikiChanged) models.UnionWith(_active);
        if (work.ForcedLayouts.Count > 0) models.UnionWith(_active.Where(p => work.ForcedLayouts.Contains(p.Layout)));
        work.SiteFiles |= structural || faceChanged.Any(p => p.Parent is null || p.Parent == _tree.Root);
        // WriteSiteFiles publishes the source documents the pages cite: again when that set changes.
        var documents = _active.SelectMany(p => p.FrontMatter.Sources).Select(s => s.Document).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (!documents.SetEquals(_sourceDocuments)) (work.SiteFiles, _sourceDocuments) = (true, documents);

        var removedOutputs = new List<string>();
        foreach (var page in removed)
        {
            if (RemoveOutput(page.OutputPath)) removedOutputs.Add(page.OutputPath);
            if (TryState(page, out var state))
            {
                // A draft that comes back must render again.
                state.Fingerprint = null;
                state.Outbound.Clear();
            }
        }

        Lap(watch, "Dependents");
        var rendered = RenderModels(SplitForFastRender(models, work), work);
        Lap(watch, "ApplyLayouts");
        RunWholeSiteSteps(watch, work, ChangedProducts(work, inPlace, pagesChanged: changed.Count > 0, linksChanged: relink.Count > 0, statswikiChanged, structural));
        // The search index (seconds at 10 000 pages) is the one whole-site product kept off an edit's critical
        // path: the edit is published without it and the index follows from a background task, which the
        // next edits never wait for (CompleteDeferred waits for it). The first build is complete at once.
        // The search page itself is one Razor render and follows the layouts and sections at once.
        if (work.Full || !inPlace || work.SiteFiles || work.ForceRender || work.ForcedLayouts.Contains("page")) WriteSearchPage();
        if (work.Full || changed.Count > 0 || work.SiteFiles) RequestSearchIndex(background: !work.Full);
        Lap(watch, "SearchIndex");
        _removedStates.Clear();
        rendered.Sort(StringComparer.Ordinal);
        removedOutputs.Sort(StringComparer.Ordinal);
        return Finish(watch, work.Full, rendered, removedOutputs);
    }

    // A deleted page's state is gone from _state already; its outbound links are still needed once.
    private readonly Dictionary<string, PageState> _removedStates = new(StringComparer.Ordinal);

    private bool TryRemovedState(Page page, out PageState? state) => _removedStates.TryGetValue(page.RelativePath, out state);

    /// <summary>True when a re-parsed page can replace the old one in place (see Process).</summary>
    private static bool SameShape(Page old, Page now) =>
        Face(old) == Face(now) && old.FrontMatter.Draft == now.FrontMatter.Draft && old.FrontMatter.Layout == now.FrontMatter.Layout &&
        old.FrontMatter.Aliases.SequenceEqual(now.FrontMatter.Aliases) && (old.Body is null) == (now.Body is null) &&
        // Labels, fields, statswiki addresses and anchors feed the generated pages, the statswiki map and the stubs.
        old.FrontMatterSource == now.FrontMatterSource;

    private PageState StateOf(Page page)
    {
        if (page.Kind != PageKind.Generated) return _state[page.RelativePath];
        if (!_generated.TryGetValue(page.Url, out var state)) _generated[page.Url] = state = new PageState();
        return state;
    }

    private bool TryState(Page page, [NotNullWhen(true)] out PageState? state)
    {
        if (page.Kind == PageKind.Generated)
        {
            state = StateOf(page);
            return true;
        }
        return _state.TryGetValue(page.RelativePath, out state);
    }

    /// <summary>What a page shows of itself on other pages: sidebars, child lists, breadcrumbs, backlinks.</summary>
    private static (string Title, string? Description, int Weight) Face(Page page) =>
        (page.Title, page.FrontMatter.Description, page.FrontMatter.Weight);

    /// <summary>
    /// Pages whose model can show <paramref name="page"/>: its parent's whole subtree (sidebars list the
    /// siblings of every open branch, breadcrumbs the ancestors), the pages it links to (backlink lists),
    /// and every page when it is the home page or a section (the header lists the sections).
    /// </summary>
    private IEnumerable<Page> Dependents(Page page)
    {
        var parent = NearestAncestor(page.Url);
        if (page.Url.Length == 0 || parent is null || parent == _tree.Root) return _active;
        // The sidebars of the parent's siblings show whether it has children: a first child or a last one changes them.
        if (parent.Children.Count <= 1) parent = NearestAncestor(parent.Url);
        if (parent is null || parent == _tree.Root) return _active;
        var result = new List<Page>();
        var stack = new Stack<Page>();
        stack.Push(parent);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            result.Add(p);
            foreach (var child in p.Children) stack.Push(child);
        }
        // Every ancestor lists its children with their page counts, which count this page.
        for (var up = NearestAncestor(parent.Url); up is not null; up = up.Url.Length == 0 ? null : NearestAncestor(up.Url))
            result.Add(up);
        if (_state.TryGetValue(page.RelativePath, out var state) || _removedStates.TryGetValue(page.RelativePath, out state))
            result.AddRange(state.Outbound.Select(_tree.ByUrl).OfType<Page>());
        return result;
    }

    private Page? NearestAncestor(string url)
    {
        string u = url.TrimEnd('/');
        while (u.Length > 0)
        {
            int slash = u.LastIndexOf('/');
            u = slash < 0 ? "" : u[..slash];
            if (_tree.ByUrl(u.Length == 0 ? "" : u + "/") is { } found) return found;
        }
        return null;
    }

    /// <summary>
    /// Resolves the links of some pages with the ResolveLinks step's own per-page method. One resolver serves
    /// many edits; its ids come from the parse cache (building them for 10 000 pages each time is the slow part).
    /// </summary>
    private LinkResolver Resolver()
    {
        if (_resolver is null)
        {
            _resolver = new LinkResolver(_tree, _pageAssets, p => TryState(p, out var s) && p.Kind != PageKind.Generated ? (IEnumerable<string>)s!.Ids : ResolveLinks.IdsOf(p));
            _wiki = null;
        }
        return _resolver;
    }

    private void ResolveLinksOf(IReadOnlyCollection<Page> pages)
    {
        if (pages.Count == 0) return;
        var resolver = Resolver();
        var wiki = _wiki ??= new WikiLinkResolver(_tree, resolver);
        Parallel.ForEach(pages, page =>
        {
            var state = StateOf(page);
            var diagnostics = new DiagnosticBag();
            var linked = new ConcurrentBag<(Page Target, string From)>();
            var unmirrored = new ConcurrentBag<(string Url, SourceLocation At)>();
            ResolveLinks.ResolvePage(page, resolver, wiki, _statswiki, diagnostics, linked, unmirrored);
            state.Link = diagnostics.ToSortedList();
            state.Outbound = linked.Select(l => l.Target.Url).ToHashSet(StringComparer.Ordinal);
            state.Unmirrored = unmirrored.ToList();
        });
    }

    private List<string> RenderModels(HashSet<Page> pages, Work work)
    {
        var factory = new PageModelFactory(_config, _tree, _statswiki);
        var rendered = new ConcurrentBag<string>();
        async ValueTask Render(Page page)
        {
            var state = StateOf(page);
            var renderer = RendererFor(page.Layout);
            if (!renderer.HasLayout(page.Layout))
            {
                var at = page.FrontMatter.LayoutLocation ?? new SourceLocation(page.SourcePath, 1, 1);
                string known = string.Join(", ", _layouts!.Templates.Keys.Where(k => !k.StartsWith('_')).Order(StringComparer.Ordinal));
                state.Render = [Diagnostic.Error(DiagnosticCodes.UnknownLayout, at, $"unknown layout '{page.Layout}'; {_layouts.DisplayRoot} has: {known}")];
                state.Fingerprint = null;
                RemoveOutput(page.OutputPath);
                return;
            }
            var model = factory.Create(page, _lastUpdated.GetValueOrDefault(page.SourcePath));
            byte[] fingerprint = ModelFingerprint.Of(page.Layout, model);
            bool forced = work.ForceRender || work.ForcedLayouts.Contains(page.Layout);
            if (!forced && state.Fingerprint is { } old && old.AsSpan().SequenceEqual(fingerprint)) return;

            var diagnostics = new DiagnosticBag();
            string? html = await renderer.RenderAsync(page.Layout, model, new SourceLocation(page.SourcePath), diagnostics);
            var problems = diagnostics.ToSortedList();
            var compile = problems.Where(d => RazorLightLayoutRenderer.IsReportedOnce(d.Code)).ToList();
            if (compile.Count > 0) _compileDiagnostics.AddOrUpdate((renderer, page.Layout), compile, (_, list) => { lock (list) list.AddRange(compile); return list; });
            state.Render = problems.Where(d => !RazorLightLayoutRenderer.IsReportedOnce(d.Code)).ToList();
            if (html is null)
            {
                state.Fingerprint = null;
                RemoveOutput(page.OutputPath);
                return;
            }
            SetOutput(page.OutputPath, System.Text.Encoding.UTF8.GetBytes(html));
            state.Fingerprint = fingerprint;
            rendered.Add(page.OutputPath);
        }

        ApplyLayouts.RenderInOrder(pages, Render);
        return rendered.ToList();
    }

    /// <summary>The search page, through the BuildSearchIndex step's renderer.</summary>
    private void WriteSearchPage()
    {
        var context = NewContext();
        BuildSearchIndex.WriteSearchPage(context, new SiteLayouts(_layouts!, RendererFor("page"), new PageModelFactory(_config, _tree, _statswiki)));
        foreach (var (path, file) in FilesOf(context))
            if (!_outputs.TryGetValue(path, out byte[]? old) || !old.AsSpan().SequenceEqual(file)) SetOutput(path, file);
        _searchPageDiagnostics = context.Diagnostics.ToSortedList();
    }

    private IReadOnlyList<Diagnostic> _searchPageDiagnostics = [];

    /// <summary>The files a step added to one of this builder's contexts (always in memory: see <see cref="NewContext"/>).</summary>
    private static System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> FilesOf(BuildContext context) => ((MemoryOutput)context.Output).Files;

    /// <summary>Builds the search index of the current pages: now, or on the background task.</summary>
    private void RequestSearchIndex(bool background)
    {
        if (background)
        {
            // Started by Finish, once this rebuild's result (which decides whether the index may publish) is known,
            // or later by StartDeferred (see StartsDeferredWork); the documents are captured then.
            _searchRequested = true;
            return;
        }
        var (documents, options) = SearchDocuments();
        lock (_searchLock)
        {
            ++_searchGeneration;
            _searchQueued = null;
            _searchRequested = false;
            ApplySearchIndex(SearchIndexWriter.Build(documents, options), options, publish: false);
        }
    }

    /// <summary>The search documents of the current pages, captured on the caller's thread (the pages change under later edits).</summary>
    private (IReadOnlyList<SearchDocument> Documents, SearchOptions Options) SearchDocuments()
    {
        var context = NewContext();
        context.Set(BuildProducts.Pages, new SitePages(_active, _tree));
        return (BuildSearchIndex.Documents(context), BuildSearchIndex.Options(context));
    }

    // Set by a rebuild whose search index is still to start on the background task.
    private bool _searchRequested;

    /// <summary>
    /// When false, a rebuild does not start its background search index: <see cref="StartDeferred"/> does, when the
    /// caller chooses (the preview server, once the open pages have reloaded and the sources are quiet, so that the
    /// index, seconds of work on every core at 10 000 pages, does not compete with the browser). True by default.
    /// </summary>
    public bool StartsDeferredWork { get; init; } = true;

    /// <summary>True when the last rebuild left its search index to <see cref="StartDeferred"/>.</summary>
    public bool HasUnstartedWork => _searchRequested;

    /// <summary>
    /// Starts the background search index the last rebuilds left unstarted (see <see cref="StartsDeferredWork"/>),
    /// over the pages as they are now; nothing when there is none. Called by the one caller that drives the builder.
    /// </summary>
    public void StartDeferred()
    {
        if (!_searchRequested) return;
        _searchRequested = false;
        var (documents, options) = SearchDocuments();
        StartSearchIndex(documents, options);
    }

    private void StartSearchIndex(IReadOnlyList<SearchDocument> documents, SearchOptions options)
    {
        lock (_searchLock)
        {
            int generation = ++_searchGeneration;
            if (_searchTask is { IsCompleted: false })
            {
                _searchQueued = (documents, options, generation);
                return;
            }
            _searchTask = Task.Run(() => BuildSearchIndexInBackground(documents, options, generation));
        }
    }

    private void BuildSearchIndexInBackground(IReadOnlyList<SearchDocument> documents, SearchOptions options, int generation)
    {
        while (true)
        {
            var result = SearchIndexWriter.Build(documents, options);
            lock (_searchLock)
            {
                if (_searchQueued is { } next)
                {
                    (documents, options, generation) = next;
                    _searchQueued = null;
                    continue;
                }
                if (generation == _searchGeneration) ApplySearchIndex(result, options, publish: true);
                return;
            }
        }
    }

    /// <summary>
    /// Takes a built index into the outputs through the BuildSearchIndex step. From the background, the files
    /// are also published at once (as a new version) when the site is in a good state; otherwise they wait,
    /// marked changed, for the next successful rebuild.
    /// </summary>
    private void ApplySearchIndex(SearchIndexResult result, SearchOptions options, bool publish)
    {
        var context = NewContext();
        BuildSearchIndex.AddIndex(context, result, options);
        lock (_publishLock)
        {
            var touched = new HashSet<string>(_searchPaths, StringComparer.Ordinal);
            touched.UnionWith(FilesOf(context).Keys);
            foreach (string path in _searchPaths)
                if (!FilesOf(context).ContainsKey(path)) RemoveOutput(path);
            _searchPaths = FilesOf(context).Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var (path, file) in FilesOf(context))
                if (!_outputs.TryGetValue(path, out byte[]? old) || !old.AsSpan().SequenceEqual(file)) SetOutput(path, file);
            _searchDiagnostics = context.Diagnostics.ToSortedList();
            _searchSummary = context.Summary.ToList();
            if (!publish || Last is not { Succeeded: true } || _searchDiagnostics.Any(d => d.IsError || (_options.Strict && d.FailsStrict))) return;
            var builder = _published.ToBuilder();
            // Only the index's own files: an edit may be half-way through changing the others.
            foreach (string path in touched)
            {
                if (_outputs.TryGetValue(path, out byte[]? bytes)) builder[path] = bytes;
                else builder.Remove(path);
                _dirty.TryRemove(path, out _);
            }
            _published = builder.ToImmutable();
            Current = new SiteSnapshot(Current.Version + 1, _published);
        }
    }

    /// <summary>True while pages of the last edits are still to render, or their search index to start or finish.</summary>
    public bool HasDeferredWork
    {
        get { lock (_searchLock) return HasDeferredRenders || _searchRequested || _searchTask is { IsCompleted: false }; }
    }

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
        Task? task;
        lock (_searchLock) task = _searchTask;
        task?.GetAwaiter().GetResult();
        var watch = Stopwatch.StartNew();
        StartTimings();
        Lap(watch, "SearchIndex");
        return Finish(watch, full: false, [], []);
    }

    /// <summary>
    /// The build summary lines a full build would print (statswiki links kept external, orphan pages, search
    /// index size), computed on demand: the orphan report walks every page, which an edit need not pay for.
    /// </summary>
    public IReadOnlyList<string> Summary()
    {
        // In the order of the steps, as a full build adds them.
        var lines = new List<string>();
        foreach (var step in _steps)
        {
            if (step is ResolveLinks)
            {
                var external = _active.Where(p => p.Kind != PageKind.Generated).SelectMany(p => StateOf(p).Unmirrored)
                    .OrderBy(u => u.Url, StringComparer.Ordinal).ThenBy(u => u.At).ToList();
                if (external.Count == 0) continue;
                lines.Add($"Statswiki links with no mirror here, kept external ({external.Count}):");
                lines.AddRange(external.Select(u => $"  {u.Url} ({u.At})"));
            }
            else if (step is ReportOrphans)
            {
                var context = NewContext();
                context.Set(BuildProducts.Pages, new SitePages(_active, _tree));
                context.Execute(step);
                lines.AddRange(context.Summary);
            }
            else if (step is BuildSearchIndex) lines.AddRange(_searchSummary);
            else if (_records.TryGetValue(step, out var record)) lines.AddRange(record.Summary);
        }
        return lines;
    }

    private IncrementalResult Finish(Stopwatch watch, bool full, List<string> rendered, List<string> removed)
    {
        var bag = new DiagnosticBag();
        foreach (var d in _configDiagnostics) bag.Add(d);
        foreach (var d in _siteDiagnostics) bag.Add(d);
        foreach (var d in _layoutSetDiagnostics) bag.Add(d);
        foreach (var d in _searchDiagnostics) bag.Add(d);
        foreach (var d in _searchPageDiagnostics) bag.Add(d);
        foreach (var record in _records.Values)
            foreach (var d in record.Diagnostics) bag.Add(d);
        foreach (var state in _generated.Values)
            foreach (var d in state.Render) bag.Add(d);
        // One pass over the pages; almost all have no problem, so this stays cheap at 10 000 pages.
        foreach (var (rel, state) in _state)
        {
            foreach (var d in state.Parse) bag.Add(d);
            if (state.Link.Count + state.Render.Count == 0 || _activeByRel.GetValueOrDefault(rel) is null) continue;
            foreach (var d in state.Link) bag.Add(d);
            foreach (var d in state.Render) bag.Add(d);
        }
        if (!_compileDiagnostics.IsEmpty)
        {
            var layoutsInUse = _active.Select(p => p.Layout).Append("404").Append("page").ToHashSet(StringComparer.Ordinal);
            foreach (var ((renderer, layout), list) in _compileDiagnostics)
            {
                if (!layoutsInUse.Contains(layout) || RendererFor(layout) != renderer) continue;
                lock (list) foreach (var d in list) bag.Add(d);
            }
        }
        var diagnostics = bag.ToSortedList();
        bool ok = !diagnostics.Any(d => d.IsError) && (!_options.Strict || !diagnostics.Any(d => d.FailsStrict));
        if (ok)
        lock (_publishLock)
        {
            if (_publishAll) _published = _outputs.ToImmutableDictionary(StringComparer.Ordinal);
            else
            {
                var builder = _published.ToBuilder();
                foreach (string path in _dirty.Keys)
                {
                    if (_outputs.TryGetValue(path, out byte[]? bytes)) builder[path] = bytes;
                    else builder.Remove(path);
                }
                _published = builder.ToImmutable();
            }
            _dirty.Clear();
            _publishAll = false;
            Current = new SiteSnapshot(Current.Version + 1, _published);
        }
        Lap(watch, "Publish");
        // Not a phase: how much of the time the garbage collector had every thread stopped.
        _timings.Add(("(GC pauses)", GC.GetTotalPauseDuration() - _gcPauseAtStart));
        Last = new IncrementalResult(diagnostics, ok, full, rendered, removed, _active.Count, watch.Elapsed, Current.Version, _timings.ToList());
        if (StartsDeferredWork) StartDeferred();
        return Last;
    }
}
