using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Gives each page its one URL (reporting duplicates), builds the page tree, and decides each page's
/// kind and layout. Must run after ParsePages because weights and titles order the tree.
/// </summary>
public sealed class AssemblePages : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(AssemblePages);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.ParsedPages];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.AssembledPages];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var byUrl = new Dictionary<string, Page>(StringComparer.Ordinal);
        var unique = new List<Page>();
        foreach (var page in context.Get(BuildProducts.ParsedPages))
        {
            if (byUrl.TryGetValue(page.Url, out var first))
            {
                context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(page.SourcePath, 1, 1),
                    $"URL '/{page.Url}' is already produced by {first.SourcePath}; rename one of the two");
                continue;
            }
            byUrl[page.Url] = page;
            unique.Add(page);
        }
        CheckAliases(context, unique, byUrl);
        var tree = PageTree.Build(unique);

        foreach (var page in unique) (page.Kind, page.Layout) = KindAndLayout(context, page);
        context.Set(BuildProducts.AssembledPages, new SitePages(unique, tree));
    }

    private static (PageKind Kind, string Layout) KindAndLayout(BuildContext context, Page page)
    {
        var section = context.Config.Section(page.Section);
        var (kind, layout) = page switch
        {
            { Url: "" } => (PageKind.Home, "home"),
            { IsIndex: true } => (PageKind.Section, "section"),
            _ when section?.Schema is { } schema && !schema.Exempt.Contains(page.Slug) =>
                (PageKind.Entry, section.Layout ?? "page"),
            _ => (PageKind.Page, "page"),
        };
        return (kind, page.FrontMatter.Layout ?? layout);
    }

    /// <summary>
    /// Nothing to do when every page re-parsed was updated in place (ParsePages keeps a page object whose front matter is
    /// unchanged) and the set of pages is the same: URLs, kinds, layouts and the tree stay. A page made anew (its front
    /// matter changed) that keeps its URL, kind, layout and aliases takes the old one's place in the list and the tree
    /// (re-sorted among its siblings: its weight or title may have changed); the assembled pages' changes then name
    /// those pages (paths under <c>pages/</c>). Anything else (a page added, gone, drafted, or with another layout or
    /// aliases) runs it again whole.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.AssembledPages) || changes.Changed(BuildProducts.Config) || changes.All(BuildProducts.ParsedPages)) return false;
        var parsed = context.Get(BuildProducts.ParsedPages);
        var (pages, tree) = context.Get(BuildProducts.AssembledPages);
        var swaps = new List<(Page Old, Page Now)>();
        foreach (string rel in changes.Keys(BuildProducts.ParsedPages))
        {
            var assembled = tree.ByUrl(Permalinks.FromRelativePath(rel));
            var now = parsed.All?.GetValueOrDefault(rel);
            bool built = now is not null && (context.Options.IncludeDrafts || !now.FrontMatter.Draft);
            if (built ? assembled == now : assembled?.RelativePath != rel) continue;
            if (!built || assembled?.RelativePath != rel || !SamePlace(context, assembled, now!)) return false;
            swaps.Add((assembled, now!));
        }
        if (swaps.Count == 0) return true;
        var list = pages.ToList();
        foreach (var (old, now) in swaps)
        {
            (now.Kind, now.Layout) = (old.Kind, old.Layout);
            list[list.IndexOf(old)] = now;
            tree.Replace(old, now, relink: true);
        }
        context.Set(BuildProducts.AssembledPages, new SitePages(list, tree));
        changes.Mark(BuildProducts.AssembledPages, swaps.Select(s => s.Now.RelativePath));
        return true;
    }

    // True when a page made anew can take the old one's place: the same kind and layout, and the same aliases (the
    // URLs it claims). Its URL is its path's.
    private static bool SamePlace(BuildContext context, Page old, Page now) =>
        KindAndLayout(context, now) == (old.Kind, old.Layout) && old.FrontMatter.Aliases.SequenceEqual(now.FrontMatter.Aliases);

    private static void CheckAliases(BuildContext context, List<Page> pages, Dictionary<string, Page> byUrl)
    {
        var claimed = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var (alias, at) in page.FrontMatter.Aliases)
            {
                string url = NormaliseAlias(alias);
                if (AliasProblem(url) is { } problem)
                    context.Diagnostics.Error(DiagnosticCodes.PathOutsideOutput, at, $"alias '{alias}' cannot be a redirect: {problem}");
                else if (byUrl.TryGetValue(url, out var owner))
                    context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, at, $"alias '{alias}' is the URL of {owner.SourcePath}");
                else if (claimed.TryGetValue(url, out var other) && other != page)
                    context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, at, $"alias '{alias}' is also an alias of {other.SourcePath}");
                else claimed[url] = page;
            }
        }
    }

    /// <summary>
    /// Null when the alias (normalised) names a folder inside the output, else why not: an alias is a path of the
    /// output, so <c>../</c> or a backslash would write its redirect outside it.
    /// </summary>
    public static string? AliasProblem(string url) =>
        url.Length == 0 ? null : Safety.OutputPaths.Problem(Permalinks.OutputPath(url));

    /// <summary>An alias as a site-relative URL with a trailing slash.</summary>
    public static string NormaliseAlias(string alias)
    {
        string url = alias.Trim().TrimStart('/');
        return url.Length == 0 || url.EndsWith('/') ? url : url + "/";
    }
}
