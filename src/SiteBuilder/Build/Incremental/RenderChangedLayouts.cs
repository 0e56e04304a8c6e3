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

        // As in ApplyLayouts.
        var pages = context.Pages.Where(page =>
        {
            if (renderer.HasLayout(page.Layout)) return true;
            var at = page.FrontMatter.LayoutLocation ?? new SourceLocation(page.SourcePath, 1, 1);
            string known = string.Join(", ", layouts.Templates.Keys.Where(k => !k.StartsWith('_')).Order(StringComparer.Ordinal));
            context.Diagnostics.Error(DiagnosticCodes.UnknownLayout, at, $"unknown layout '{page.Layout}'; {layouts.DisplayRoot} has: {known}");
            return false;
        }).ToList();
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

        var firsts = pages.GroupBy(p => p.Layout).Select(g => g.OrderBy(p => p.Url, StringComparer.Ordinal).First())
            .OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        foreach (var page in firsts) RenderOne(page).AsTask().GetAwaiter().GetResult();
        var firstSet = firsts.ToHashSet();
        Parallel.ForEachAsync(pages.Where(p => !firstSet.Contains(p)), async (page, _) => await RenderOne(page)).GetAwaiter().GetResult();
    }
}
