using SiteBuilder.Linking;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Builds the map from statswiki (Confluence) addresses to the pages that mirror them, reporting
/// malformed and doubly-claimed addresses (SB0109). Must run after AssemblePages (duplicate pages are
/// dropped there) and before ResolveLinks, which rewrites statswiki links to internal ones.
/// </summary>
public sealed class MapStatswikiUrls : IBuildStep
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
}
