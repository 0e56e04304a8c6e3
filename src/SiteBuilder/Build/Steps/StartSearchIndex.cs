using SiteBuilder.Search;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Starts writing the search index on a background task, so that its one-thread part (merging, scoring,
/// serializing and gzip-measuring the index) runs while ApplyLayouts renders pages. Must run after ResolveLinks
/// (wiki-link labels are part of the text) and before ApplyLayouts; BuildSearchIndex waits for it.
/// </summary>
public sealed class StartSearchIndex : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(StartSearchIndex);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages, BuildProducts.LinkGraph];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.SearchIndex, BuildProducts.Output];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var options = BuildSearchIndex.Options(context);
        var documents = BuildSearchIndex.Documents(context);
        // Written straight to the output: the index is never held whole in memory.
        var output = context.Output;
        context.Set(BuildProducts.SearchIndex, Task.Run(() => SearchIndexWriter.Write(documents, options, output)));
    }
}
