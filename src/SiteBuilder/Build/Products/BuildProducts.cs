using System.Collections.Concurrent;
using SiteBuilder.Content;
using SiteBuilder.Layouts;
using SiteBuilder.Linking;
using SiteBuilder.Output;
using SiteBuilder.Search;

namespace SiteBuilder.Build;

/// <summary>
/// The products of the build, in the order the default steps make them. A step names the ones it reads and
/// produces; a new step that needs something else adds its product here.
/// </summary>
public static class BuildProducts
{
    /// <summary>
    /// The source folder itself, which the first steps read from disk: made by no step, declared so that a change set
    /// (the files edited, as paths relative to the source folder: <c>site.yml</c>, <c>pages/a.md</c>,
    /// <c>layouts/page.cshtml</c>) is a change of a product like any other.
    /// </summary>
    public static readonly Product<string> Sources = new(nameof(Sources), ProductKind.Optional, () => "");
    /// <summary><c>site.yml</c> with the command line's overrides (LoadConfig).</summary>
    public static readonly Product<SiteConfig> Config = new(nameof(Config));
    /// <summary>The <c>.md</c> files under <c>pages/</c>, not yet read, and the other files there (DiscoverPages).</summary>
    public static readonly Product<SourceFiles> SourceFiles = new(nameof(SourceFiles));
    /// <summary>The pages read and parsed (front matter, Markdown body), drafts dropped (ParsePages).</summary>
    public static readonly Product<ParsedPages> ParsedPages = new(nameof(ParsedPages));
    /// <summary>
    /// The Markdown pages with one URL each, their kinds, layouts and tree (AssemblePages). Its changes' keys (the
    /// preview): paths under <c>pages/</c> of pages made anew that took the old ones' places, with the same URL, kind,
    /// layout and aliases.
    /// </summary>
    public static readonly Product<SitePages> AssembledPages = new(nameof(AssembledPages));
    /// <summary>Every page of the site, generated index and label pages included, and the tree (GenerateIndexPages).</summary>
    public static readonly Product<SitePages> Pages = new(nameof(Pages));
    /// <summary>Last-change dates from git (ReadGitHistory); empty without git or outside a repository.</summary>
    public static readonly Product<GitHistory> GitHistory = new(nameof(GitHistory), ProductKind.Optional, () => Build.GitHistory.None);
    /// <summary>Statswiki (Confluence) addresses → the pages mirroring them (MapStatswikiUrls).</summary>
    public static readonly Product<StatswikiUrlMap> StatswikiMap = new(nameof(StatswikiMap));
    /// <summary>Every page's links resolved, with its backlinks (ResolveLinks); the value answers link targets and ids.</summary>
    public static readonly Product<LinkGraph> LinkGraph = new(nameof(LinkGraph));
    /// <summary>The search index, being written on a background task (StartSearchIndex).</summary>
    public static readonly Product<Task<SearchIndexResult>> SearchIndex = new(nameof(SearchIndex));
    /// <summary>The layouts, their renderer and the page-model factory (LoadLayouts).</summary>
    public static readonly Product<SiteLayouts> Layouts = new(nameof(Layouts));
    /// <summary>
    /// The output paths of the pages open in a browser (<c>docs/guide/index.html</c>, as the preview's live-reload clients
    /// name them): made by no step, set by the preview before an edit. ApplyLayouts renders those of an edit's pages
    /// first and leaves the others for later (fast render, as Hugo's server has it); when it is empty (the full build)
    /// every page is rendered, and when it changes ApplyLayouts renders what it left.
    /// </summary>
    public static readonly Product<IReadOnlySet<string>> OpenPages = new(nameof(OpenPages), ProductKind.Optional, () => new HashSet<string>());
    /// <summary>
    /// What ApplyLayouts remembers of each page's render (model fingerprint, problems), for the preview's per-page
    /// updates; the full build leaves it empty.
    /// </summary>
    public static readonly Product<PageRenders> Renders = new(nameof(Renders), ProductKind.Optional, () => new PageRenders());
    /// <summary>The site's files (pages, index, assets, stubs): several steps add to it; reading it means after all of them.</summary>
    public static readonly Product<SiteOutput> Output = new(nameof(Output), ProductKind.Gathered, () => new MemoryOutput());
    /// <summary>Lines for the build summary (orphans, unmirrored statswiki links, index size), in the order added.</summary>
    public static readonly Product<ConcurrentQueue<string>> Summary = new(nameof(Summary), ProductKind.Gathered, () => new ConcurrentQueue<string>());
}

/// <summary>The files DiscoverPages found under <c>pages/</c>: the pages (not yet read) and the other files, as paths under <c>pages/</c>.</summary>
public sealed record SourceFiles(IReadOnlyList<Page> Pages, IReadOnlyList<string> Assets)
{
    private HashSet<string>? _pages;

    /// <summary>True when <paramref name="relativePath"/> (under <c>pages/</c>) is one of <see cref="Pages"/>.</summary>
    public bool Lists(string relativePath) =>
        (_pages ??= Pages.Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal)).Contains(relativePath);
}

/// <summary>A set of pages with unique URLs, in source order, and their tree.</summary>
public sealed record SitePages(IReadOnlyList<Page> Pages, PageTree Tree);

/// <summary>What git knows of the pages: last-change dates (ISO) by source path, and every path it reported, dated or not.</summary>
public sealed record GitHistory(IReadOnlyDictionary<string, string> LastUpdated, IReadOnlySet<string> Seen)
{
    /// <summary>No history: no dates are shown.</summary>
    public static GitHistory None => new(new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
}

/// <summary>The site's layouts, the renderer that compiles each once, and the page models they render.</summary>
public sealed record SiteLayouts(LayoutSet Set, ILayoutRenderer Renderer, PageModelFactory Models);
