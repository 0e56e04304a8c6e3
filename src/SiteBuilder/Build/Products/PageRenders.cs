using System.Collections.Concurrent;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>
/// What ApplyLayouts remembers of each page it rendered, so that after an edit it renders again only the pages whose
/// model changed (<see cref="IIncrementalStep.Update"/>): the fingerprint of the model last rendered and the render's
/// problems, by page; and each layout's compile problems, which are reported once (naming the first page that used the
/// layout) and so are kept until the layout's renderer is replaced. The full build renders every page once and keeps
/// none of this (the product stays empty).
/// </summary>
public sealed class PageRenders
{
    /// <summary>One page's last render.</summary>
    internal sealed class Entry(string outputPath)
    {
        public string OutputPath { get; } = outputPath;
        /// <summary>The fingerprint of the model last rendered, or null when the page has no current output.</summary>
        public byte[]? Fingerprint { get; set; }
        /// <summary>Problems of its last render (not layout compile errors).</summary>
        public IReadOnlyList<Diagnostic> Problems { get; set; } = [];

        /// <summary>True while the page's file in the output is this page's (not absent, nor another step's).</summary>
        public bool Owns { get; set; }
    }

    // By page: its path under pages/, or its URL for a generated page (made anew by every assembly).
    private readonly ConcurrentDictionary<string, Entry> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<Diagnostic>> _compile = new(StringComparer.Ordinal);
    // Pages (by key) whose model may have changed and that fast render left for later (see BuildProducts.OpenPages).
    private readonly HashSet<string> _deferred = new(StringComparer.Ordinal);

    /// <summary>The output paths the last update rendered, sorted.</summary>
    public IReadOnlyList<string> Rendered { get; internal set; } = [];

    /// <summary>The output paths the last update removed (pages gone from the site), sorted.</summary>
    public IReadOnlyList<string> Removed { get; internal set; } = [];

    /// <summary>The theme assets last written (paths of the output).</summary>
    public IReadOnlySet<string> Assets { get; internal set; } = new HashSet<string>();

    /// <summary>How many pages fast render left for later: their output is still that of before the edits that changed them.</summary>
    public int Deferred => _deferred.Count;

    /// <summary>True while a layout's compile problems are kept (every page then renders again on the next edit: it may be the fix).</summary>
    public bool HasCompileProblems => !_compile.IsEmpty;

    /// <summary>Forgets the compile problems of <paramref name="layout"/> (null: of every layout), whose renderer was replaced.</summary>
    public void ForgetCompileProblems(string? layout)
    {
        if (layout is null) _compile.Clear();
        else _compile.TryRemove(layout, out _);
    }

    /// <summary>Every page's render problems, and the compile problems of the layouts in <paramref name="layoutsInUse"/>.</summary>
    public IEnumerable<Diagnostic> Problems(IReadOnlySet<string> layoutsInUse)
    {
        foreach (var entry in _pages.Values)
            foreach (var d in entry.Problems) yield return d;
        foreach (var (layout, list) in _compile)
        {
            if (!layoutsInUse.Contains(layout)) continue;
            Diagnostic[] copy;
            lock (list) copy = [.. list];
            foreach (var d in copy) yield return d;
        }
    }

    internal static string Key(Page page) => page.Kind == PageKind.Generated ? "/" + page.Url : page.RelativePath;

    internal Entry For(Page page) => _pages.GetOrAdd(Key(page), _ => new Entry(page.OutputPath));

    internal void AddCompileProblems(string layout, List<Diagnostic> problems) =>
        _compile.AddOrUpdate(layout, problems, (_, list) => { lock (list) list.AddRange(problems); return list; });

    /// <summary>Leaves <paramref name="pages"/> for a later update to render.</summary>
    internal void Defer(IEnumerable<Page> pages)
    {
        foreach (var page in pages) _deferred.Add(Key(page));
    }

    /// <summary>The pages of <paramref name="pages"/> left for later (those gone from the site since are dropped); forgets them all.</summary>
    internal List<Page> TakeDeferred(IReadOnlyList<Page> pages)
    {
        if (_deferred.Count == 0) return [];
        var taken = pages.Where(p => _deferred.Contains(Key(p))).ToList();
        _deferred.Clear();
        return taken;
    }

    /// <summary>Forgets the pages not in <paramref name="pages"/>; the output paths they had.</summary>
    internal List<string> Prune(IReadOnlyList<Page> pages)
    {
        var keys = pages.Select(Key).ToHashSet(StringComparer.Ordinal);
        var gone = new List<string>();
        foreach (var (key, entry) in _pages)
            if (!keys.Contains(key) && _pages.TryRemove(key, out _) && entry.Owns) gone.Add(entry.OutputPath);
        return gone;
    }
}
