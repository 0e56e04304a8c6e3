using SiteBuilder.Layouts;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Loads the site's layouts and theme assets and makes the one renderer (each layout compiles once, on first use) and
/// the page-model factory that every page, the 404 page and the search page are rendered with.
/// </summary>
public sealed class LoadLayouts : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(LoadLayouts);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.Pages, BuildProducts.StatswikiMap];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Layouts];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var layouts = LayoutSet.Load(context.Source, context.Diagnostics);
        var renderer = new RazorLightLayoutRenderer(layouts, trustLayouts: context.Options.TrustLayouts, renderTimeLimit: context.Options.LayoutRenderTimeLimit);
        var factory = new PageModelFactory(context.Config, context.Get(BuildProducts.Pages).Tree, context.Get(BuildProducts.StatswikiMap));
        context.Set(BuildProducts.Layouts, new SiteLayouts(layouts, renderer, factory));
    }
}
