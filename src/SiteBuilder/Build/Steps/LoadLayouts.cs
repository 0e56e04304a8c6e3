using SiteBuilder.Layouts;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Loads the site's layouts and theme assets and makes the one renderer (each layout compiles once, on first use) and
/// the page-model factory that every page, the 404 page and the search page are rendered with.
/// </summary>
public sealed class LoadLayouts : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(LoadLayouts);

    /// <inheritdoc/>
    // Sources for the preview: the layout files edited.
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages, BuildProducts.StatswikiMap, BuildProducts.Sources];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Layouts];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var layouts = LayoutSet.Load(context.Source, context.Diagnostics);
        var renderer = new LayoutRenderers(NewRenderer(context, layouts));
        var factory = new PageModelFactory(context.Config, context.Get(BuildProducts.Pages).Tree, context.Get(BuildProducts.StatswikiMap));
        context.Set(BuildProducts.Layouts, new SiteLayouts(layouts, renderer, factory));
    }

    private static RazorLightLayoutRenderer NewRenderer(BuildContext context, LayoutSet layouts) =>
        new(layouts, trustLayouts: context.Options.TrustLayouts, renderTimeLimit: context.Options.LayoutRenderTimeLimit);

    /// <summary>
    /// Follows the layout files edited: a layout whose own template changed gets a fresh renderer (the others keep their
    /// compiled templates) and is named in the changes; a theme asset reloads the set; a new page set or statswiki map
    /// makes a new model factory (the changes name no layout). It runs again whole (every page renders again) when
    /// <c>_Layout</c> or a partial changed, or after a render was stopped by a limit or met a compile error while pages
    /// change: a full build renders every page afresh, and a compile error names the first page that meets it.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.Layouts) || changes.Changed(BuildProducts.Config) || changes.All(BuildProducts.Sources)) return false;
        var current = context.Get(BuildProducts.Layouts);
        var keys = changes.Keys(BuildProducts.Sources);
        var named = new List<string>();
        bool theme = false;
        foreach (string path in keys)
        {
            if (path == "layouts") return false;
            if (path.StartsWith("layouts/assets/", StringComparison.Ordinal)) theme = true;
            else if (path.StartsWith("layouts/", StringComparison.Ordinal) && path.EndsWith(".cshtml", StringComparison.Ordinal) &&
                     path["layouts/".Length..^".cshtml".Length] is var name && !name.Contains('/'))
            {
                if (name.StartsWith('_')) return false;
                named.Add(name);
            }
        }
        bool pagesEdited = keys.Any(k => k.StartsWith("pages", StringComparison.Ordinal));
        if (current.Renderer is LayoutRenderers { Failing: true } && (pagesEdited || named.Count > 0 || theme)) return false;
        bool models = changes.Changed(BuildProducts.Pages) || changes.Changed(BuildProducts.StatswikiMap);
        if (named.Count == 0 && !theme && !models) return true;

        var set = current.Set;
        if (named.Count > 0 || theme)
        {
            context.Diagnostics.Clear();
            set = LayoutSet.Load(context.Source, context.Diagnostics);
            foreach (string name in named) ((LayoutRenderers)current.Renderer).Replace(name, NewRenderer(context, set));
        }
        var factory = models ? new PageModelFactory(context.Config, context.Get(BuildProducts.Pages).Tree, context.Get(BuildProducts.StatswikiMap)) : current.Models;
        context.Set(BuildProducts.Layouts, new SiteLayouts(set, current.Renderer, factory));
        changes.Mark(BuildProducts.Layouts, named);
        return true;
    }
}
