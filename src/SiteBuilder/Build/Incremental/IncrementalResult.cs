using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Incremental;

/// <summary>What one (full or incremental) rebuild did.</summary>
/// <param name="Diagnostics">Every current problem of the site, sorted, not only the new ones.</param>
/// <param name="Succeeded">True when there is no error; only then is the new site published.</param>
/// <param name="Full">True for a full rebuild (first build or <c>site.yml</c> changed).</param>
/// <param name="Rendered">Output paths of the pages rendered through their layout by this rebuild, sorted.</param>
/// <param name="Removed">Output paths removed by this rebuild, sorted.</param>
/// <param name="PageCount">Pages in the site.</param>
/// <param name="Elapsed">Time spent.</param>
/// <param name="Version">The published site's version after this rebuild (unchanged when it failed).</param>
/// <param name="Timings">Time per phase, for <c>--verbose</c> and the benchmark.</param>
public sealed record IncrementalResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Succeeded,
    bool Full,
    IReadOnlyList<string> Rendered,
    IReadOnlyList<string> Removed,
    int PageCount,
    TimeSpan Elapsed,
    int Version,
    IReadOnlyList<(string Phase, TimeSpan Elapsed)> Timings)
{
    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.IsWarning);
}
