using SiteBuilder.Build.Steps;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Takes the place of ApplyLayouts in the preview server's builds: the same pages, models, diagnostics
/// and outputs, but with a renderer kept between builds, and a page whose model (and layout) did not
/// change since the last build keeps its HTML instead of going through Razor again.
/// </summary>
internal sealed class RenderChangedLayouts(LayoutCache cache) : IBuildStep
{
    /// <inheritdoc/>
    public string Name => "ApplyLayouts";

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var layouts = cache.Layouts!;
        var renderer = cache.Renderer!;
        var factory = new PageModelFactory(context.Config, context.Tree, context.StatswikiMap);
        context.Layouts = layouts;
        context.LayoutRenderer = renderer;
        context.ModelFactory = factory;

        var pages = ApplyLayouts.PagesWithKnownLayouts(context, layouts);
        Render(pages, context, cache, context.Diagnostics, reuse: true, file => context.AddOutput(file));
        foreach (var (path, bytes) in layouts.Assets) context.AddOutput(new OutputFile(path, bytes));
    }

    /// <summary>
    /// Renders pages through their layouts the way ApplyLayouts does (the first page of each layout alone,
    /// in URL order, so errors always name the same page), skipping those whose model is unchanged when
    /// <paramref name="reuse"/> is set.
    /// </summary>
    public static void Render(IReadOnlyCollection<Page> pages, BuildContext context, LayoutCache cache, DiagnosticBag diagnostics,
        bool reuse, Action<OutputFile> output)
    {
        var factory = context.ModelFactory!;
        var renderer = cache.Renderer!;

        async ValueTask RenderOne(Page page)
        {
            var model = factory.Create(page, context.LastUpdated.GetValueOrDefault(page.SourcePath));
            byte[] fingerprint = ModelFingerprint.Of(cache.KeyOf(page.Layout), model);
            if (reuse && cache.Fingerprints.TryGetValue(page.OutputPath, out byte[]? old) && old.AsSpan().SequenceEqual(fingerprint) &&
                cache.Previous.TryGetValue(page.OutputPath, out byte[]? kept))
            {
                output(new OutputFile(page.OutputPath, kept));
                return;
            }
            string? html = await renderer.RenderAsync(page.Layout, model, new SourceLocation(page.SourcePath), diagnostics);
            if (html is null)
            {
                cache.Fingerprints.TryRemove(page.OutputPath, out _);
                return;
            }
            cache.Fingerprints[page.OutputPath] = fingerprint;
            cache.Rendered.Add(page.OutputPath);
            output(OutputFile.Text(page.OutputPath, html));
        }

        ApplyLayouts.RenderInOrder(pages, RenderOne);
    }
}
