namespace SiteBuilder.Cli.Serve;

/// <summary>How <see cref="PreviewServer"/> runs.</summary>
public sealed record PreviewOptions
{
    /// <summary>The folder holding <c>pages/</c>, <c>layouts/</c> and <c>site.yml</c>.</summary>
    public required string SourceDir { get; init; }
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 8080;
    /// <summary>Include pages marked <c>draft: true</c>.</summary>
    public bool IncludeDrafts { get; init; }
    /// <summary>Let layouts run any C# (<c>--trust-layouts</c>).</summary>
    public bool TrustLayouts { get; init; }
    /// <summary>
    /// Reload open pages in full after a rebuild (<c>--full-reload</c>) instead of patching their document with the new HTML.
    /// </summary>
    public bool FullReload { get; init; }
    /// <summary>
    /// Fast render (on unless <c>--no-fast-render</c>): an edit that changes many pages renders the pages open in a browser
    /// first, publishes and reloads them, and renders the rest once the sources have been quiet for <see cref="RenderDelay"/>.
    /// </summary>
    public bool FastRender { get; init; } = true;
    /// <summary>How long the sources must stay quiet before the pages fast render left are rendered.</summary>
    // Long enough for the open page to fetch and apply its new HTML first (tens of milliseconds).
    public TimeSpan RenderDelay { get; init; } = TimeSpan.FromMilliseconds(150);
    /// <summary>Watch the sources (off in tests that drive changes with <see cref="PreviewServer.Notify"/>).</summary>
    public bool Watch { get; init; } = true;
    /// <summary>Receives the steps of full builds (a progress bar in the terminal); null for none.</summary>
    public IProgress<SiteBuilder.Build.BuildProgress>? Progress { get; init; }
    /// <summary>How long the sources must be quiet before a burst of changes is rebuilt.</summary>
    // An editor's save (write, or write-then-rename) lands within a few milliseconds; 10 ms of quiet groups it. It is
    // part of every edit's time from save to visible (a body edit at 10 000 pages is ~15 ms of rebuild), so no longer.
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(10);
    /// <summary>
    /// How long the sources must stay quiet after a rebuild before its search index starts in the background. The index
    /// takes every core for seconds at 10 000 pages; started at once, it competes with the browser reloading the page.
    /// </summary>
    public TimeSpan SearchIndexDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How long the sources must stay quiet, once a rebuild's deferred work and search index are done, before the server
    /// compacts its memory and returns what it no longer uses to the system (one blocking full collection, a few hundred
    /// milliseconds at 10 000 pages); <see cref="Timeout.InfiniteTimeSpan"/> for never.
    /// </summary>
    public TimeSpan CompactDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// Runs before each build with the changed paths (none for the first build); null for nothing. Tests make it
    /// throw to fail a rebuild the way a bug would, which no fixed input can be relied on to do.
    /// </summary>
    public Action<IReadOnlyCollection<string>>? BeforeBuild { get; init; }
}
