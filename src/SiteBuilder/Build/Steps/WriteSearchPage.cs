namespace SiteBuilder.Build.Steps;

/// <summary>
/// Renders the search page (<c>search/index.html</c>) through the <c>page</c> layout. Apart from the index
/// (BuildSearchIndex), which the preview builds in the background after an edit is shown: the page follows the
/// layouts at once.
/// </summary>
public sealed class WriteSearchPage : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(WriteSearchPage);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Layouts];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output];

    /// <inheritdoc/>
    public void Execute(BuildContext context) =>
        ApplyLayouts.RenderStandalonePage(context, context.Get(BuildProducts.Layouts), url: "search/", outputPath: "search/index.html", "Search",
            "Search every page of this site.",
            "<noscript><p>Search needs JavaScript. Each section's home page lists its pages.</p></noscript>\n" +
            "<div id=\"search-page\"><p id=\"search-page-status\" role=\"status\"></p><ul id=\"search-page-results\"></ul></div>\n",
            "page");
}
