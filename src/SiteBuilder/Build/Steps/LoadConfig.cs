using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Steps;

/// <summary>Reads <c>site.yml</c> (with <see cref="BuildOptions.BaseUrl"/> over its <c>base_url</c>) and checks that there is a <c>pages/</c> folder.</summary>
public sealed class LoadConfig : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(LoadConfig);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Sources];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Config];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var config = SiteConfigLoader.Load(context.SourceDir, context.Diagnostics);
        if (context.Options.BaseUrl is { } given)
        {
            if (SiteConfig.NormalizeBaseUrl(given) is { } baseUrl) config = config with { BaseUrl = baseUrl };
            else context.Diagnostics.Error(DiagnosticCodes.ConfigValue, SourceLocation.File("--base-url"), $"the base URL must be an absolute http or https URL, got '{given}'");
        }
        context.Set(BuildProducts.Config, config);
        if (!Directory.Exists(Path.Combine(context.SourceDir, "pages")))
            context.Diagnostics.Error(DiagnosticCodes.NoPagesFolder, SourceLocation.File("pages/"),
                $"no pages/ folder in '{context.SourceDir}'; run the build from the site's folder or pass --source");
    }

    /// <summary>Nothing to do unless <c>site.yml</c> changed (then it runs again whole).</summary>
    public bool Update(BuildContext context, ProductChanges changes) =>
        context.Has(BuildProducts.Config) && !changes.All(BuildProducts.Sources) && !changes.Keys(BuildProducts.Sources).Contains(SiteConfigLoader.FileName);
}
