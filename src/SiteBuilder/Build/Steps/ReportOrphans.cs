using SiteBuilder.Content;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Lists orphan pages in the build summary: pages that no other page links to in its content
/// (Markdown links, wiki links, mirrored statswiki links), that no <c>{{children}}</c> block lists and
/// that no generated entry listing (entry table, index pages) shows. The home page, section index pages
/// and generated pages are never orphans: the header and sidebar always reach them. Must run after
/// ResolveLinks, which fills the backlinks.
/// </summary>
public sealed class ReportOrphans : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ReportOrphans);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages, BuildProducts.LinkGraph];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Summary];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var orphans = Orphans(context).Select(p => p.SourcePath).Order(StringComparer.Ordinal).ToList();
        if (orphans.Count == 0) return;
        context.Summary.Enqueue($"Orphan pages: no other page links to them ({orphans.Count}):");
        foreach (string path in orphans) context.Summary.Enqueue("  " + path);
    }

    /// <summary>The orphan pages of a resolved build.</summary>
    public static IEnumerable<Page> Orphans(BuildContext context)
    {
        var listed = new HashSet<Page>();
        foreach (var page in context.Pages)
        {
            if (page.Body?.HasChildList == true) listed.UnionWith(page.Children);
            // Sections with an entry table or index pages list all their entries.
            if (page.Kind == PageKind.Entry && context.Config.Section(page.Section) is { } s && (s.Table.Count > 0 || s.IndexBy.Count > 0))
                listed.Add(page);
        }
        return context.Pages.Where(p => p.Kind is PageKind.Page or PageKind.Entry && p.BacklinkUrls.Count == 0 && !listed.Contains(p));
    }
}
