using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>What a build did: its diagnostics, what it wrote, and figures for the summary.</summary>
/// <param name="Diagnostics">Sorted problems.</param>
/// <param name="Succeeded">True when no error (or, strict, no warning) was found and the output was written.</param>
/// <param name="PageCount">Pages rendered.</param>
/// <param name="FileCount">Files written.</param>
/// <param name="OutputDir">Where the site went.</param>
/// <param name="Summary">Summary lines from the steps.</param>
/// <param name="Timings">Time per step.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Succeeded,
    int PageCount,
    int FileCount,
    string OutputDir,
    IReadOnlyList<string> Summary,
    IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings)
{
    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.IsWarning);
}
