using System.Diagnostics;
using SiteBuilder.Content;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Fast render, as Hugo's server has it: an edit that changes many pages (a title shows in a whole section's sidebars)
/// renders the pages open in a browser first and is published with them; the other pages it changed wait, with their
/// old output, for <see cref="RenderDeferred"/> (or the next edit, or <see cref="CompleteDeferred"/>), after which the
/// site is again exactly a full build's.
/// </summary>
public sealed partial class IncrementalBuilder
{
    // URLs of the pages whose model may have changed and that have not been through RenderModels since.
    private readonly HashSet<string> _deferredRenders = new(StringComparer.Ordinal);
    // The output paths to render first in the update under way (Update's priority argument).
    private IReadOnlySet<string>? _priority;

    /// <summary>True when pages changed by an edit are still to be rendered (see <see cref="RenderDeferred"/>).</summary>
    public bool HasDeferredRenders => _deferredRenders.Count > 0;

    /// <summary>
    /// Applies a change set rendering only the pages among <paramref name="priority"/> (output paths such as
    /// <c>docs/guide/index.html</c>: the pages open in a browser) of those it changes, when it can: the others are left
    /// to <see cref="RenderDeferred"/>. With no priority pages, or after a layout change, it renders all, as
    /// <see cref="Update(ChangeSet)"/> does.
    /// </summary>
    public IncrementalResult Update(ChangeSet changes, IReadOnlySet<string>? priority)
    {
        _priority = priority;
        try
        {
            return Update(changes);
        }
        finally
        {
            _priority = null;
        }
    }

    /// <summary>
    /// Renders the pages earlier edits left for later (see <see cref="Update(ChangeSet, IReadOnlySet{string})"/>) and
    /// publishes them; null when there were none.
    /// </summary>
    public IncrementalResult? RenderDeferred()
    {
        if (_deferredRenders.Count == 0 || Last is null) return null;
        var watch = Stopwatch.StartNew();
        StartTimings();
        var models = TakeDeferredRenders();
        Lap(watch, "Dependents");
        var rendered = RenderModels(models, new Work());
        Lap(watch, "ApplyLayouts");
        rendered.Sort(StringComparer.Ordinal);
        return Finish(watch, full: false, rendered, []);
    }

    /// <summary>The current pages the deferred URLs name (a page deleted or made a draft since has none); clears them.</summary>
    private HashSet<Page> TakeDeferredRenders()
    {
        var pages = new HashSet<Page>();
        foreach (string url in _deferredRenders)
            if (_tree.ByUrl(url) is { } page && (page.Kind == PageKind.Generated || _activeByRel.GetValueOrDefault(page.RelativePath) == page))
                pages.Add(page);
        _deferredRenders.Clear();
        return pages;
    }

    /// <summary>
    /// The pages of <paramref name="models"/> to render now: all of them (and those left from earlier edits) unless the
    /// update has priority pages and renders by its models alone (no layout changed, no template failing to compile,
    /// whose report names the first page in URL order of all); then only the priority pages, the rest deferred.
    /// </summary>
    private HashSet<Page> SplitForFastRender(HashSet<Page> models, Work work)
    {
        if (_deferredRenders.Count > 0) models.UnionWith(TakeDeferredRenders());
        if (_priority is null || _priority.Count == 0 || work.Full || work.AllModels || work.ForceRender || work.LayoutsChanged ||
            work.ForcedLayouts.Count > 0 || !_compileDiagnostics.IsEmpty)
            return models;
        var now = models.Where(p => _priority.Contains(p.OutputPath)).ToHashSet();
        foreach (var page in models)
            if (!now.Contains(page)) _deferredRenders.Add(page.Url);
        return now;
    }
}
