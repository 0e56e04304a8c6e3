using SiteBuilder.Diagnostics;

namespace SiteBuilder.Search;

/// <summary>Checks the index against the size budget of <see cref="SearchOptions"/>.</summary>
public static class SearchBudget
{
    /// <summary>Returns an SB1101 error for each exceeded limit, located at the setting that sets it.</summary>
    /// <param name="result">The built search files.</param>
    /// <param name="options">The limits.</param>
    /// <param name="settingLocation">Where the budget is configured (e.g. <c>site.yml:14:3</c>).</param>
    public static IReadOnlyList<Diagnostic> Check(SearchIndexResult result, SearchOptions options, SourceLocation settingLocation)
    {
        var problems = new List<Diagnostic>();
        if (options.MaxIndexBytes is { } raw && result.IndexBytes > raw)
            problems.Add(Diagnostic.Error(DiagnosticCodes.SearchBudget, settingLocation,
                $"search index is {Format(result.IndexBytes)}, over its budget of {Format(raw)}"));
        if (options.MaxIndexGzipBytes is { } gz && result.IndexGzipBytes > gz)
            problems.Add(Diagnostic.Error(DiagnosticCodes.SearchBudget, settingLocation,
                $"search index is {Format(result.IndexGzipBytes)} gzipped, over its budget of {Format(gz)}"));
        return problems;
    }

    /// <summary>A byte count for people: <c>812 B</c>, <c>14.2 KiB</c>, <c>3.1 MiB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };
}
