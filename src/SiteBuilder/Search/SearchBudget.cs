using SiteBuilder.Diagnostics;

namespace SiteBuilder.Search;

/// <summary>Checks the search files against the size budget of <see cref="SearchOptions"/>.</summary>
public static class SearchBudget
{
    /// <summary>Returns an SB1101 error for each exceeded limit, located at the setting that sets it.</summary>
    /// <param name="result">The built search files.</param>
    /// <param name="options">The limits and where they are set.</param>
    /// <param name="fallback">Where to report a limit whose setting has no position.</param>
    public static IReadOnlyList<Diagnostic> Check(SearchIndexResult result, SearchOptions options, SourceLocation fallback)
    {
        var problems = new List<Diagnostic>();
        if (options.MaxTotalBytes is { } total && result.TotalBytes > total)
            problems.Add(Diagnostic.Error(DiagnosticCodes.SearchBudget, options.MaxTotalBytesAt ?? fallback,
                $"search files are {Format(result.TotalBytes)} in {result.FileCount} files, over their budget of {Format(total)}" +
                (options.MaxTotalBytesAt is null ? " (the default; search.budget_bytes in site.yml sets another)" : "")));
        if (options.MaxQueryBytes is { } query && result.LargestQuery.GzipBytes > query)
            problems.Add(Diagnostic.Error(DiagnosticCodes.SearchBudget, options.MaxQueryBytesAt ?? fallback,
                $"a search for '{result.LargestQuery.Term}' fetches {Format(result.LargestQuery.GzipBytes)} gzipped, over the per-query budget of {Format(query)}" +
                (options.MaxQueryBytesAt is null ? " (the default; search.query_budget_bytes in site.yml sets another)" : "")));
        return problems;
    }

    /// <summary>A byte count for people: <c>812 B</c>, <c>14.2 KiB</c>, <c>3.1 MiB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB"),
    };
}
