using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;
using SiteBuilder.Search;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Builds the lunr search index of every page, its document store, the search page, and checks the
/// index against its size budget. Must run after ResolveLinks (wiki-link labels are part of the text) and after
/// ApplyLayouts (the search page goes through the page layout).
/// </summary>
public sealed class BuildSearchIndex : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(BuildSearchIndex);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var options = Options(context);
        AddIndex(context, SearchIndexWriter.Build(Documents(context), options), options);
        WriteSearchPage(context);
    }

    /// <summary>The documents to index: every page but the generated lists.</summary>
    public static IReadOnlyList<SearchDocument> Documents(BuildContext context) =>
        context.Pages
            // Generated lists (labels, by-country…) only repeat entry titles: they would crowd out the pages themselves.
            .Where(p => p.Kind != PageKind.Generated)
            .Select(p => new SearchDocument(
                Ref: p.Url.Length == 0 ? "/" : p.Url,
                Url: p.Url,
                Title: p.Title,
                Section: context.Config.Section(p.Section)?.Title ?? (p.Section.Length > 0 ? p.Section : null),
                Headings: p.Headings.Select(h => h.Text).ToList(),
                Body: p.PlainText,
                Labels: p.FrontMatter.Labels))
            .ToList();

    /// <summary>The index options the site's configuration asks for.</summary>
    public static SearchOptions Options(BuildContext context) => new() { MaxIndexBytes = context.Config.SearchBudgetBytes };

    /// <summary>Adds a built index's files, its budget problems and its summary line.</summary>
    public static void AddIndex(BuildContext context, SearchIndexResult result, SearchOptions options)
    {
        foreach (var file in result.Files) context.AddOutput(new OutputFile(file.Path, file.Content));
        foreach (var problem in SearchBudget.Check(result, options, SourceLocation.File(SiteConfigLoader.FileName)))
            context.Diagnostics.Add(problem);
        context.Summary.Enqueue($"Search index: {result.DocumentCount} pages, {result.TermCount} terms, " +
                                $"{SearchBudget.Format(result.IndexBytes)} ({SearchBudget.Format(result.IndexGzipBytes)} gzipped)" +
                                (options.MaxIndexBytes is { } max ? $", budget {SearchBudget.Format(max)}" : ""));
    }

    /// <summary>Adds the search page, rendered through the <c>page</c> layout.</summary>
    public static void WriteSearchPage(BuildContext context) =>
        ApplyLayouts.RenderStandalonePage(context, url: "search/", outputPath: "search/index.html", "Search",
            "Search every page of this site.",
            "<noscript><p>Search needs JavaScript. Each section's home page lists its pages.</p></noscript>\n" +
            "<div id=\"search-page\"><p id=\"search-page-status\" role=\"status\"></p><ul id=\"search-page-results\"></ul></div>\n",
            "page");
}
