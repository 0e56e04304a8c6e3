using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Renders every page through its Razor layout (in parallel) and adds the HTML, then the theme assets, to the outputs.
/// After an edit (<see cref="Update"/>) it renders again only the pages whose model may have changed and did: it owns
/// which pages can show a changed page (<see cref="Dependents"/>) and each page's model fingerprint.
/// </summary>
public sealed class ApplyLayouts : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(ApplyLayouts);

    /// <inheritdoc/>
    // The statswiki map through the model factory (Layouts): models link cited sources to their mirror. The open pages
    // are the preview's, which render first (see Update).
    public IReadOnlyList<Product> Reads { get; } =
        [BuildProducts.Pages, BuildProducts.LinkGraph, BuildProducts.GitHistory, BuildProducts.StatswikiMap, BuildProducts.Layouts, BuildProducts.OpenPages];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output, BuildProducts.Renders];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var (layouts, renderer, factory) = context.Get(BuildProducts.Layouts);
        var lastUpdated = context.Get(BuildProducts.GitHistory).LastUpdated;
        var pages = PagesWithKnownLayouts(context, layouts);

        // Page buffers, reused: a string per page would be most of what a large build allocates.
        var buffers = new System.Collections.Concurrent.ConcurrentBag<StringWriter>();
        var sidebar = new SidebarNodes();
        async ValueTask Render(Page page)
        {
            var model = factory.Create(page, lastUpdated.GetValueOrDefault(page.SourcePath), sidebar);
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
            context.Diagnostics.Add(UnknownLayout(page, layouts, known));
            return false;
        }).ToList();
    }

    // SB0108, at the page's layout: value (or its start when the layout is its kind's default).
    private static Diagnostic UnknownLayout(Page page, LayoutSet layouts, string known) =>
        Diagnostic.Error(DiagnosticCodes.UnknownLayout, page.FrontMatter.LayoutLocation ?? new SourceLocation(page.SourcePath, 1, 1),
            $"unknown layout '{page.Layout}'; {layouts.DisplayRoot} has: {known}");

    /// <summary>
    /// Renders again the pages whose model may have changed: the pages named by the link graph's changes (their links or
    /// backlinks), those that can show a page named by the page set's (<see cref="Dependents"/>), every generated page
    /// when the page set changed (they are new objects), and every page when a whole product did. A page whose model has
    /// the fingerprint of its last render is skipped, unless its layout's template changed (the layouts' keys, or all).
    /// Pages gone from the site lose their output (see <see cref="PageRenders.Removed"/>). The output's changes name the
    /// paths that appeared or went (not those rewritten). With open pages (<see cref="BuildProducts.OpenPages"/>), only
    /// those of the pages to render are rendered now; the others keep their old output until a later update with no open
    /// pages (see <see cref="PageRenders.Deferred"/>; the open pages changing is enough to run one).
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        var (layouts, renderer, factory) = context.Get(BuildProducts.Layouts);
        var (pages, tree) = context.Get(BuildProducts.Pages);
        var lastUpdated = context.Get(BuildProducts.GitHistory).LastUpdated;
        var renders = context.Get(BuildProducts.Renders);
        var output = context.Output;
        if (changes.All(BuildProducts.Layouts)) renders.ForgetCompileProblems(null);
        foreach (string layout in changes.Keys(BuildProducts.Layouts)) renders.ForgetCompileProblems(layout);
        // Output paths that appeared or went (not those rewritten): the output's changes.
        var appearedOrGone = new System.Collections.Concurrent.ConcurrentBag<string>();

        var removed = new List<string>();
        if (changes.Changed(BuildProducts.Pages))
            foreach (string path in renders.Prune(pages))
                if (output.Remove(path)) removed.Add(path);

        // A layout whose template changed renders its pages again, whatever their fingerprints (all: every layout).
        bool allForced = changes.All(BuildProducts.Layouts);
        var forced = changes.Keys(BuildProducts.Layouts);
        var models = new HashSet<Page>();
        bool everyPage = changes.All(BuildProducts.Pages) || changes.All(BuildProducts.LinkGraph) || changes.All(BuildProducts.GitHistory) ||
                         changes.Changed(BuildProducts.StatswikiMap) || allForced;
        if (everyPage)
            models.UnionWith(pages);
        else
        {
            foreach (string url in changes.Keys(BuildProducts.LinkGraph))
                if (tree.ByUrl(url) is { } linked) models.Add(linked);
            foreach (string url in changes.Keys(BuildProducts.Pages))
            {
                if (tree.ByUrl(url) is { } page) models.Add(page);
                models.UnionWith(Dependents(url, pages, tree));
            }
            if (changes.Changed(BuildProducts.Pages)) models.UnionWith(pages.Where(p => p.Kind == PageKind.Generated));
            if (forced.Count > 0) models.UnionWith(pages.Where(p => forced.Contains(p.Layout)));
        }

        // Fast render: what earlier updates left is due too, and of it all only the open pages render now, the others
        // wait for the next update (the preview's, once the sources are quiet). Not when a template changed or fails to
        // compile (its compile errors name the first page in URL order of all, as in the full build), nor when every page
        // changed.
        models.UnionWith(renders.TakeDeferred(pages));
        var open = context.Get(BuildProducts.OpenPages);
        if (open.Count > 0 && !everyPage && forced.Count == 0 && !renders.HasCompileProblems)
        {
            var later = models.Where(p => !open.Contains(p.OutputPath)).ToList();
            renders.Defer(later);
            models.ExceptWith(later);
        }

        string known = string.Join(", ", layouts.Templates.Keys.Where(k => !k.StartsWith('_')).Order(StringComparer.Ordinal));
        var rendered = new System.Collections.Concurrent.ConcurrentBag<string>();
        async ValueTask Render(Page page)
        {
            var entry = renders.For(page);
            if (!renderer.HasLayout(page.Layout))
            {
                entry.Problems = [UnknownLayout(page, layouts, known)];
                Drop(entry);
                return;
            }
            var model = factory.Create(page, lastUpdated.GetValueOrDefault(page.SourcePath));
            byte[] fingerprint = ModelFingerprint.Of(page.Layout, model);
            if (!allForced && !forced.Contains(page.Layout) && entry.Fingerprint is { } old && old.AsSpan().SequenceEqual(fingerprint)) return;

            var diagnostics = new DiagnosticBag();
            string? html = await renderer.RenderAsync(page.Layout, model, new SourceLocation(page.SourcePath), diagnostics);
            var problems = diagnostics.ToSortedList();
            var compile = problems.Where(d => RazorLightLayoutRenderer.IsReportedOnce(d.Code)).ToList();
            if (compile.Count > 0) renders.AddCompileProblems(page.Layout, compile);
            entry.Problems = problems.Where(d => !RazorLightLayoutRenderer.IsReportedOnce(d.Code)).ToList();
            if (html is null)
            {
                Drop(entry);
                return;
            }
            if (!entry.Owns && output.Contains(page.OutputPath))
            {
                // A later step's file (the search page, the sitemap, a redirect): the page took a path the build writes
                // itself, as the full build reports when that step adds its file after the pages. The file stays.
                entry.Problems = [.. entry.Problems, BuildContext.WrittenByTheBuild(page.SourcePath, page.OutputPath)];
                entry.Fingerprint = null;
                return;
            }
            if (!output.Contains(page.OutputPath)) appearedOrGone.Add(page.OutputPath);
            output.Replace(page.OutputPath, System.Text.Encoding.UTF8.GetBytes(html));
            entry.Fingerprint = fingerprint;
            entry.Owns = true;
            rendered.Add(page.OutputPath);
        }
        void Drop(PageRenders.Entry entry)
        {
            entry.Fingerprint = null;
            if (entry.Owns && output.Remove(entry.OutputPath)) appearedOrGone.Add(entry.OutputPath);
            entry.Owns = false;
        }
        RenderInOrder(models, Render);
        renders.Rendered = rendered.Order(StringComparer.Ordinal).ToList();
        renders.Removed = removed.Order(StringComparer.Ordinal).ToList();

        // The theme assets, when the layouts changed.
        if (changes.Changed(BuildProducts.Layouts))
        {
            foreach (string path in renders.Assets.Where(p => !layouts.Assets.ContainsKey(p)))
                if (output.Remove(path)) appearedOrGone.Add(path);
            foreach (var (path, bytes) in layouts.Assets)
            {
                if (!output.Contains(path)) appearedOrGone.Add(path);
                output.Replace(path, bytes);
            }
            renders.Assets = layouts.Assets.Keys.ToHashSet(StringComparer.Ordinal);
        }
        if (!appearedOrGone.IsEmpty || removed.Count > 0) changes.Mark(BuildProducts.Output, appearedOrGone.Concat(removed));

        context.Diagnostics.Clear();
        var layoutsInUse = renders.HasCompileProblems
            ? pages.Select(p => p.Layout).Append("404").Append("page").ToHashSet(StringComparer.Ordinal) : [];
        foreach (var d in renders.Problems(layoutsInUse)) context.Diagnostics.Add(d);
        return true;
    }

    /// <summary>
    /// The pages whose model can show the page at <paramref name="url"/> (changed, added or gone): its parent's whole
    /// subtree (sidebars list the siblings of every open branch, breadcrumbs the ancestors), and every ancestor (they list
    /// their children with page counts); every page when it is the home page or a section (the header lists the
    /// sections). The pages it links to show it in their backlinks: those are the link graph's changes.
    /// </summary>
    public static IEnumerable<Page> Dependents(string url, IReadOnlyList<Page> pages, PageTree tree)
    {
        var parent = tree.NearestAbove(url);
        if (url.Length == 0 || parent is null || parent == tree.Root) return pages;
        // The sidebars of the parent's siblings show whether it has children: a first child or a last one changes them.
        if (parent.Children.Count <= 1) parent = tree.NearestAbove(parent.Url);
        if (parent is null || parent == tree.Root) return pages;
        var result = new List<Page>();
        var stack = new Stack<Page>();
        stack.Push(parent);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            result.Add(p);
            foreach (var child in p.Children) stack.Push(child);
        }
        for (var up = tree.NearestAbove(parent.Url); up is not null; up = up.Url.Length == 0 ? null : tree.NearestAbove(up.Url))
            result.Add(up);
        return result;
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
