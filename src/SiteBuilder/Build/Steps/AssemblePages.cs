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

        foreach (var page in unique)
        {
            var section = context.Config.Section(page.Section);
            (page.Kind, page.Layout) = page switch
            {
                { Url: "" } => (PageKind.Home, "home"),
                { IsIndex: true } => (PageKind.Section, "section"),
                _ when section?.Schema is { } schema && !schema.Exempt.Contains(page.Slug) =>
                    (PageKind.Entry, section.Layout ?? "page"),
                _ => (PageKind.Page, "page"),
            };
            if (page.FrontMatter.Layout is { } chosen) page.Layout = chosen;
        }
        context.Set(BuildProducts.AssembledPages, new SitePages(unique, tree));
    }

    /// <summary>
    /// Nothing to do when every page re-parsed was updated in place (ParsePages keeps a page object whose front matter is
    /// unchanged) and the set of pages is the same: URLs, kinds, layouts and the tree stay. Otherwise it runs again whole.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.AssembledPages) || changes.Changed(BuildProducts.Config) || changes.All(BuildProducts.ParsedPages)) return false;
        var parsed = context.Get(BuildProducts.ParsedPages);
        var tree = context.Get(BuildProducts.AssembledPages).Tree;
        foreach (string rel in changes.Keys(BuildProducts.ParsedPages))
        {
            var assembled = tree.ByUrl(Permalinks.FromRelativePath(rel));
            var now = parsed.All?.GetValueOrDefault(rel);
            bool built = now is not null && (context.Options.IncludeDrafts || !now.FrontMatter.Draft);
            if (built ? assembled != now : assembled?.RelativePath == rel) return false;
        }
        return true;
    }

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
