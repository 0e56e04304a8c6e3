using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;
using SiteBuilder.Search;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Finishes the lunr search index StartSearchIndex began and checks it against its size budget (the search page is
/// WriteSearchPage's).
/// </summary>
public sealed class BuildSearchIndex : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(BuildSearchIndex);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.SearchIndex];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output, BuildProducts.Summary];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var options = Options(context);
        var result = context.Get(BuildProducts.SearchIndex).GetAwaiter().GetResult();
        AddIndex(context, result, options);
    }

    /// <summary>
    /// The documents to index: every page but the generated lists. Each page's text is made when the index reads it
    /// (so not every page's text is in memory at once), as the page was when this was called, and is cut at
    /// <see cref="Safety.ReadLimits.SearchTextChars"/> (the page's parse warned of it: SB1102).
    /// </summary>
    public static IReadOnlyList<SearchDocument> Documents(BuildContext context)
    {
        var documents = new List<SearchDocument>();
        // Generated lists (labels, by-country…) only repeat entry titles: they would crowd out the pages themselves.
        foreach (var p in context.Pages.Where(p => p.Kind != PageKind.Generated))
        {
            string? section = context.Config.Section(p.Section)?.Title ?? (p.Section.Length > 0 ? p.Section : null);
            documents.Add(new SearchDocument(p.Url.Length == 0 ? "/" : p.Url, p.Url, p.Title, section,
                p.Headings.Select(h => h.Text).ToList(), Searchable(p.PlainTextSnapshot()), p.FrontMatter.Labels));
        }
        return documents;
    }

    private static Func<string> Searchable(Func<string> text) => () =>
    {
        string all = text();
        if (all.Length <= Safety.ReadLimits.SearchTextChars) return all;
        int cut = Safety.ReadLimits.SearchTextChars;
        return all[..(char.IsHighSurrogate(all[cut - 1]) ? cut - 1 : cut)];
    };

    /// <summary>The index options the site's configuration asks for (a budget it does not set is the default).</summary>
    public static SearchOptions Options(BuildContext context) => new()
    {
        MaxTotalBytes = context.Config.SearchBudgetBytes ?? SearchOptions.DefaultMaxTotalBytes,
        MaxTotalBytesAt = context.Config.SearchBudgetAt,
        MaxQueryBytes = context.Config.SearchQueryBudgetBytes ?? SearchOptions.DefaultMaxQueryBytes,
        MaxQueryBytesAt = context.Config.SearchQueryBudgetAt,
        WriteIndexJson = context.Config.SearchIndexJson,
    };

    /// <summary>Adds a built index's files, its budget problems and its summary line.</summary>
    public static void AddIndex(BuildContext context, SearchIndexResult result, SearchOptions options)
    {
        foreach (var file in result.Files) context.AddOutput(new OutputFile(file.Path, file.Content));
        foreach (var problem in SearchBudget.Check(result, options, SourceLocation.File(SiteConfigLoader.FileName)))
            context.Diagnostics.Add(problem);
        context.Summary.Enqueue($"Search index: {result.DocumentCount} pages, {result.TermCount} terms, {result.FileCount} files, " +
                                $"{SearchBudget.Format(result.TotalBytes)} ({SearchBudget.Format(result.TotalGzipBytes)} gzipped)" +
                                (options.MaxTotalBytes is { } max ? $", budget {SearchBudget.Format(max)}" : "") +
                                $"; one query fetches at most {SearchBudget.Format(result.LargestQuery.GzipBytes)} gzipped" +
                                (options.MaxQueryBytes is { } q ? $", budget {SearchBudget.Format(q)}" : ""));
    }

}
