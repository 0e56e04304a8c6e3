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

    /// <summary>
    /// Runs again, and marks the map changed only when an address, its page, or that page's title changed. Nothing to
    /// do when only some pages changed (the page set's keys), none of which declares or declared an address, and every
    /// page of the map is the site's still.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.StatswikiMap) || changes.Changed(BuildProducts.Config)) return false;
        if (!changes.All(BuildProducts.Pages) && Untouched(context, changes.Keys(BuildProducts.Pages))) return true;
        string before = Signature(context.Get(BuildProducts.StatswikiMap));
        context.Diagnostics.Clear();
        Execute(context);
        if (Signature(context.Get(BuildProducts.StatswikiMap)) != before) changes.Mark(BuildProducts.StatswikiMap, []);
        return true;
    }

    // True when the pages at these URLs are not index pages, neither declare an address nor had a problem here, and the map's pages are the
    // tree's objects: the map and its problems are what Execute would make.
    private static bool Untouched(BuildContext context, IReadOnlySet<string> urls)
    {
        var tree = context.Get(BuildProducts.Pages).Tree;
        var changed = urls.Select(tree.ByUrl).ToList();
        // A section's index page answers for its space.
        if (changed.Any(p => p is null || p.IsIndex || p.FrontMatter.Statswiki.Count > 0)) return false;
        var paths = changed.Select(p => p!.SourcePath).ToHashSet(StringComparer.Ordinal);
        return context.Diagnostics.ToSortedList().All(d => !paths.Contains(d.Location.Path)) &&
               context.Get(BuildProducts.StatswikiMap).Mappings.All(m => tree.ByUrl(m.Page.Url) == m.Page);
    }

    private static string Signature(StatswikiUrlMap map) =>
        string.Join('\n', map.Mappings.Select(m => $"{m.Url} {m.Page.Url} {m.Page.Title} {m.Declared}"));
}
