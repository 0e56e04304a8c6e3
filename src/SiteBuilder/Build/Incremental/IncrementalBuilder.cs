using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Keeps a built site in memory and rebuilds what a change affects, for the preview server.
/// <para>
/// The usual edit, a page's text with its front matter and headings unchanged, takes the fast path:
/// that page alone is parsed again, its links resolved, its Markdown rendered; the pages whose backlinks
/// changed and the page itself go through Razor; nothing else is touched. Any other change (front
/// matter, headings, new or deleted pages, layouts, assets, <c>site.yml</c>) runs the real build steps
/// in memory, with the compiled layouts kept and only the pages whose model changed rendered again.
/// </para>
/// Not thread-safe: one caller drives it (the preview server's rebuild loop).
/// </summary>
public sealed class IncrementalBuilder
{
    // Above this many pages the search index is rebuilt only by the slow path (it is a whole-site index).
    private const int SearchIndexFastLimit = 2000;

    private readonly BuildOptions _options;
    private readonly string _sourceDir;
    private readonly LayoutCache _cache = new();
    private BuildContext? _context;
    private Dictionary<string, Page> _byRelativePath = new(StringComparer.Ordinal);
    private WikiLinkResolver? _wiki;
    private bool _rendererSuspect;
    private List<Diagnostic> _diagnostics = [];

    private ConcurrentDictionary<string, byte[]> _outputs = new(StringComparer.Ordinal);
    // Output paths written since the last publish: publishing applies only these to the immutable
    // published site instead of copying 10 000 entries per keystroke.
    private readonly ConcurrentDictionary<string, bool> _dirty = new(StringComparer.Ordinal);
    private bool _publishAll = true;
    private ImmutableDictionary<string, byte[]> _published = ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal);

    private readonly List<(string Phase, TimeSpan Elapsed)> _timings = [];
    private TimeSpan _lapStart;
    private TimeSpan _gcPauseAtStart;

    /// <summary>Creates a builder; nothing is built until <see cref="Rebuild"/>.</summary>
    public IncrementalBuilder(BuildOptions options)
    {
        _options = options with { DryRun = true };
        _sourceDir = Path.GetFullPath(options.SourceDir);
    }

    /// <summary>The last successfully built site (empty before the first success).</summary>
    public SiteSnapshot Current { get; private set; } = SiteSnapshot.Empty;

    /// <summary>The result of the last rebuild, or null before the first.</summary>
    public IncrementalResult? Last { get; private set; }

    /// <summary>Builds the whole site from scratch (the first build).</summary>
    public IncrementalResult Rebuild() => Full(null);

    /// <summary>
    /// Applies changed source paths (relative to the source folder, e.g. <c>pages/a.md</c>,
    /// <c>layouts/page.cshtml</c>, <c>site.yml</c>): created, edited or deleted files alike.
    /// </summary>
    public IncrementalResult Update(IEnumerable<string> changedPaths) => Update(ChangeSet.From(changedPaths));

    /// <summary>Applies a change set; see <see cref="Update(IEnumerable{string})"/>.</summary>
    public IncrementalResult Update(ChangeSet changes)
    {
        if (_context is null || Last is null) return Full(null);
        // Editors write temporary files beside the page (sed, vim's 4913) and delete them at once: a path
        // that neither exists now nor was an asset or a folder of the site changes nothing.
        string pagesDir = Path.Combine(_sourceDir, "pages");
        var assets = _context.PageAssets;
        changes.PageAssetPaths.RemoveWhere(rel => rel.Length > 0 && !Path.Exists(Path.Combine(pagesDir, rel)) &&
                                                  !assets.Contains(rel) &&
                                                  !assets.Any(a => a.StartsWith(rel + "/", StringComparison.Ordinal)) &&
                                                  !_byRelativePath.Keys.Any(k => k.StartsWith(rel + "/", StringComparison.Ordinal)));
        if (changes.IsEmpty) return Last;
        return TryFast(changes) ?? Full(changes);
    }

    private void StartTimings()
    {
        _timings.Clear();
        _lapStart = TimeSpan.Zero;
        _gcPauseAtStart = GC.GetTotalPauseDuration();
    }

    private void Lap(Stopwatch watch, string phase)
    {
        _timings.Add((phase, watch.Elapsed - _lapStart));
        _lapStart = watch.Elapsed;
    }

    private BuildContext NewContext(SiteConfig config)
    {
        var context = new BuildContext(_options) { Config = config };
        if (_options.SourceDateEpoch is long epoch) context.BuildDate = DateTimeOffset.FromUnixTimeSeconds(epoch);
        else if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out long env))
            context.BuildDate = DateTimeOffset.FromUnixTimeSeconds(env);
        return context;
    }

    /// <summary>The slow path: the real build steps (without writing), with the layouts' renderer kept.</summary>
    private IncrementalResult Full(ChangeSet? changes)
    {
        var watch = Stopwatch.StartNew();
        StartTimings();
        bool newLayouts = changes is null || changes.SharedLayout || changes.Layouts.Count > 0 || changes.ThemeAssets ||
                          _cache.Renderer is null || _rendererSuspect;
        if (newLayouts) _cache.Reset(_sourceDir);
        _cache.Previous = _outputs;
        _cache.Rendered = [];
        // Must replace ApplyLayouts in place: the steps after it (search page, 404) use the renderer it leaves.
        var steps = SiteGenerator.DefaultSteps()
            .Where(s => s is not WriteSite)
            .Select(s => s is ApplyLayouts ? new RenderChangedLayouts(_cache) : s)
            .ToList();
        var (result, context) = new SiteGenerator(steps).Run(_options);
        Lap(watch, "Build");

        _context = context;
        _wiki = null;
        _byRelativePath = context.Pages.Where(p => p.Kind != PageKind.Generated)
            .ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        _diagnostics = result.Diagnostics.ToList();
        // A renderer that failed once keeps failing silently (it caches the failed compilation).
        _rendererSuspect = _diagnostics.Any(d => d.Code is DiagnosticCodes.LayoutCompile or DiagnosticCodes.LayoutRuntime);
        var previous = _outputs;
        _outputs = new ConcurrentDictionary<string, byte[]>(
            context.Outputs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Content)), StringComparer.Ordinal);
        var removed = previous.Keys.Where(k => !_outputs.ContainsKey(k)).ToList();
        _publishAll = true;
        return Finish(watch, full: changes is null || changes.Config, _cache.Rendered.ToList(), removed);
    }

    /// <summary>
    /// The fast path, for pages whose text changed but whose front matter and ids did not. Returns null,
    /// having changed nothing, when the change is anything else.
    /// </summary>
    private IncrementalResult? TryFast(ChangeSet changes)
    {
        if (changes.Config || changes.PageAssets || changes.Layouts.Count > 0 || changes.SharedLayout || changes.ThemeAssets ||
            changes.Pages.Count == 0 || _context is not { LinkResolver: { } resolver, ModelFactory: not null } context)
            return null;
        var watch = Stopwatch.StartNew();
        StartTimings();

        var olds = new List<Page>();
        foreach (string rel in changes.Pages)
        {
            if (!_byRelativePath.TryGetValue(rel, out var old) || !File.Exists(Path.Combine(_sourceDir, "pages", rel))) return null;
            olds.Add(old);
        }
        var fresh = olds.Select(p => new Page(p.RelativePath)).ToList();
        var parse = NewContext(context.Config);
        parse.Pages.AddRange(fresh);
        new ParsePages().Execute(parse);
        if (parse.Pages.Count != fresh.Count) return null; // one became a draft
        var anchors = NewContext(context.Config);
        anchors.Pages.AddRange(fresh);
        new AddAnchorAliases().Execute(anchors);
        for (int i = 0; i < olds.Count; i++)
        {
            var (old, now) = (olds[i], fresh[i]);
            if (now.Document is null || FrontMatterBlock(now.Text) != FrontMatterBlock(old.Text)) return null;
            // Other pages' links to this one may break or heal when its ids change: that is the slow path's work.
            if (!resolver.IdsOf(old).SetEquals(ResolveLinks.IdsOf(now))) return null;
        }
        Lap(watch, "Parse");

        // From here on the change is applied: the old page objects take the new text and tree.
        var bags = olds.ToDictionary(p => p, _ => new DiagnosticBag());
        foreach (var d in parse.Diagnostics.ToSortedList().Concat(anchors.Diagnostics.ToSortedList()))
        {
            var page = olds.FirstOrDefault(p => p.SourcePath == d.Location.Path) ?? olds[0];
            bags[page].Add(d);
        }
        var before = new Dictionary<Page, string[]>();
        for (int i = 0; i < olds.Count; i++)
        {
            var (old, now) = (olds[i], fresh[i]);
            (old.Text, old.Document, old.Headings) = (now.Text, now.Document, now.Headings);
            // Its old links leave the backlinks of their targets; the new ones are added below.
            foreach (var target in context.Pages)
            {
                if (!target.BacklinkUrls.Contains(old.Url)) continue;
                before.TryAdd(target, target.BacklinkUrls.ToArray());
                target.BacklinkUrls.Remove(old.Url);
            }
        }
        _wiki ??= new WikiLinkResolver(context.Tree, resolver);
        var backlinks = new ConcurrentBag<(Page Target, string From)>();
        var unmirrored = new ConcurrentBag<(string Url, SourceLocation At)>();
        foreach (var page in olds)
            ResolveLinks.ResolvePage(page, resolver, _wiki, context.StatswikiMap, bags[page], backlinks, unmirrored);
        foreach (var (target, from) in backlinks)
        {
            before.TryAdd(target, target.BacklinkUrls.ToArray());
            target.BacklinkUrls.Add(from);
        }
        var backlinksChanged = before.Where(kv => !kv.Key.BacklinkUrls.SequenceEqual(kv.Value)).Select(kv => kv.Key).ToList();
        Lap(watch, "ResolveLinks");

        var render = NewContext(context.Config);
        render.Pages.AddRange(olds);
        new RenderPages().Execute(render);
        Lap(watch, "RenderMarkdown");

        var pages = olds.Concat(backlinksChanged).Distinct().Where(p => _cache.Renderer!.HasLayout(p.Layout)).ToList();
        var renderBag = new DiagnosticBag();
        _cache.Rendered = [];
        _cache.Previous = _outputs;
        RenderChangedLayouts.Render(pages, context, _cache, renderBag, reuse: true, file => SetOutput(file.Path, file.Content));
        Lap(watch, "ApplyLayouts");

        // Replace what the re-run steps report about these pages; keep what comes from their (unchanged) front matter.
        var paths = olds.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
        var rendered = pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
        _diagnostics.RemoveAll(d =>
            (paths.Contains(d.Location.Path) && IsFromText(d.Code)) ||
            (d.Related is { } r && rendered.Contains(r.Path) && d.Code == DiagnosticCodes.LayoutRuntime));
        foreach (var bag in bags.Values) _diagnostics.AddRange(bag.ToSortedList());
        _diagnostics.AddRange(renderBag.ToSortedList());

        if (context.Pages.Count <= SearchIndexFastLimit) RebuildSearchIndex(context);
        Lap(watch, "Search");
        return Finish(watch, full: false, _cache.Rendered.ToList(), []);
    }

    /// <summary>Codes the fast path recomputes: parsing, old anchors and links, which depend on the page's text.</summary>
    private static bool IsFromText(string code) =>
        code is DiagnosticCodes.NotUtf8 or DiagnosticCodes.FrontMatterYaml or DiagnosticCodes.MissingTitle or
            DiagnosticCodes.FrontMatterType or DiagnosticCodes.UnknownFrontMatterKey or DiagnosticCodes.UnclosedFrontMatter or
            DiagnosticCodes.BrokenLink or DiagnosticCodes.BrokenFragment or DiagnosticCodes.UnknownWikiTarget or
            DiagnosticCodes.AmbiguousWikiTarget;

    /// <summary>The front matter block of a page's text (empty when it has none).</summary>
    private static string FrontMatterBlock(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return "";
        int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private void RebuildSearchIndex(BuildContext context)
    {
        var search = NewContext(context.Config);
        search.Pages.AddRange(context.Pages);
        search.ModelFactory = context.ModelFactory;
        search.LayoutRenderer = context.LayoutRenderer;
        search.Layouts = context.Layouts;
        new BuildSearchIndex().Execute(search);
        foreach (var (path, file) in search.Outputs) SetOutput(path, file.Content);
        _diagnostics.RemoveAll(d => d.Code == DiagnosticCodes.SearchBudget);
        _diagnostics.AddRange(search.Diagnostics.ToSortedList());
    }

    private void SetOutput(string path, byte[] bytes)
    {
        _outputs[path] = bytes;
        _dirty[path] = true;
    }

    private IncrementalResult Finish(Stopwatch watch, bool full, List<string> rendered, List<string> removed)
    {
        var bag = new DiagnosticBag();
        foreach (var d in _diagnostics) bag.Add(d);
        var diagnostics = bag.ToSortedList();
        bool ok = !diagnostics.Any(d => d.IsError) && (!_options.Strict || diagnostics.Count == 0);
        if (ok)
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
        rendered.Sort(StringComparer.Ordinal);
        removed.Sort(StringComparer.Ordinal);
        Last = new IncrementalResult(diagnostics, ok, full, rendered, removed, _context?.Pages.Count ?? 0, watch.Elapsed, Current.Version, _timings.ToList());
        return Last;
    }
}
