using SiteBuilder.Linking;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Builds the map from statswiki (Confluence) addresses to the pages that mirror them, reporting
/// malformed and doubly-claimed addresses (SB0109). Must run after AssemblePages (duplicate pages are
/// dropped there) and before ResolveLinks, which rewrites statswiki links to internal ones.
/// </summary>
public sealed class MapStatswikiUrls : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(MapStatswikiUrls);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.StatswikiMap];

    /// <inheritdoc/>
    public void Execute(BuildContext context) =>
        context.Set(BuildProducts.StatswikiMap, StatswikiUrlMap.Build(context.Get(BuildProducts.Pages).Pages, context.Config, context.Diagnostics));

    /// <summary>Runs again, and marks the map changed only when an address, its page, or that page's title changed.</summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.StatswikiMap) || changes.Changed(BuildProducts.Config)) return false;
        string before = Signature(context.Get(BuildProducts.StatswikiMap));
        context.Diagnostics.Clear();
        Execute(context);
        if (Signature(context.Get(BuildProducts.StatswikiMap)) != before) changes.Mark(BuildProducts.StatswikiMap, []);
        return true;
    }

    private static string Signature(StatswikiUrlMap map) =>
        string.Join('\n', map.Mappings.Select(m => $"{m.Url} {m.Page.Url} {m.Page.Title} {m.Declared}"));
}
