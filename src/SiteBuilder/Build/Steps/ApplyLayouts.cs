using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Renders every page through its Razor layout (in parallel) and adds the HTML, then the theme assets, to the outputs.
/// </summary>
public sealed class ApplyLayouts : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ApplyLayouts);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Pages, BuildProducts.LinkGraph, BuildProducts.GitHistory, BuildProducts.Layouts];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var (layouts, renderer, factory) = context.Get(BuildProducts.Layouts);
        var lastUpdated = context.Get(BuildProducts.GitHistory).LastUpdated;
        var pages = PagesWithKnownLayouts(context, layouts);

        // Page buffers, reused: a string per page would be most of what a large build allocates.
        var buffers = new System.Collections.Concurrent.ConcurrentBag<StringWriter>();
        async ValueTask Render(Page page)
        {
            var model = factory.Create(page, lastUpdated.GetValueOrDefault(page.SourcePath));
            var writer = buffers.TryTake(out var pooled) ? pooled : new StringWriter(new System.Text.StringBuilder(1 << 16));
            writer.GetStringBuilder().Clear();
            if (await renderer.RenderAsync(page.Layout, model, writer, new SourceLocation(page.SourcePath), context.Diagnostics))
                context.AddOutput(page.OutputPath, writer.GetStringBuilder());
            buffers.Add(writer);
        }
        RenderInOrder(pages, Render);

        foreach (var (path, bytes) in layouts.Assets) context.AddOutput(new OutputFile(path, bytes));
    }

    /// <summary>The pages whose layout exists; an SB0108 error for each of the others, at its <c>layout:</c> value.</summary>
    public static List<Page> PagesWithKnownLayouts(BuildContext context, LayoutSet layouts)
    {
        string known = string.Join(", ", layouts.Templates.Keys.Where(k => !k.StartsWith('_')).Order(StringComparer.Ordinal));
        return context.Pages.Where(page =>
        {
            if (layouts.Templates.ContainsKey(page.Layout)) return true;
            var at = page.FrontMatter.LayoutLocation ?? new SourceLocation(page.SourcePath, 1, 1);
            context.Diagnostics.Error(DiagnosticCodes.UnknownLayout, at, $"unknown layout '{page.Layout}'; {layouts.DisplayRoot} has: {known}");
            return false;
        }).ToList();
    }

    /// <summary>
    /// Renders the first page of each layout alone, in URL order, so layouts and partials compile once and a
    /// layout error always names the same page; the rest in parallel.
    /// </summary>
    public static void RenderInOrder(IEnumerable<Page> pages, Func<Page, ValueTask> render)
    {
        var list = pages.ToList();
        var firsts = list.GroupBy(p => p.Layout).Select(g => g.OrderBy(p => p.Url, StringComparer.Ordinal).First())
            .OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        foreach (var page in firsts) render(page).AsTask().GetAwaiter().GetResult();
        var firstSet = firsts.ToHashSet();
        Parallel.ForEachAsync(list.Where(p => !firstSet.Contains(p)), async (page, _) => await render(page)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Renders a page that has no Markdown file (the 404 and search pages) through a layout, without a sidebar,
    /// and adds it to the outputs, with the renderer and model factory of <paramref name="layouts"/> (the
    /// <see cref="BuildProducts.Layouts"/> product of a step that reads it).
    /// </summary>
    public static void RenderStandalonePage(BuildContext context, SiteLayouts layouts, string url, string outputPath, string title, string description,
        string contentHtml, string layout, Func<PageModel, PageModel>? adjust = null)
    {
        var (_, renderer, factory) = layouts;
        var page = new Page(outputPath) { Url = url, Section = "", IsIndex = false };
        page.FrontMatter = new FrontMatter { Title = title, Description = description };
        page.Kind = PageKind.Generated;
        page.ContentHtml = contentHtml;
        var model = factory.Create(page) with { Sidebar = null };
        if (adjust is not null) model = adjust(model);
        string? html = renderer.RenderAsync(layout, model, SourceLocation.File(outputPath), context.Diagnostics).GetAwaiter().GetResult();
        if (html is not null) context.AddOutput(outputPath, html);
    }
}
