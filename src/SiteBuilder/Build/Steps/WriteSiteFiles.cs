using System.Security;
using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Adds the site-level files: page assets (images, PDFs under <c>pages/</c>), <c>sitemap.xml</c>,
/// <c>robots.txt</c> and <c>404.html</c> (through the layouts); no sitemap without a <c>base_url</c> (a note says so).
/// </summary>
public sealed class WriteSiteFiles : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(WriteSiteFiles);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.SourceFiles, BuildProducts.Pages, BuildProducts.GitHistory, BuildProducts.Layouts];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        foreach (string rel in context.Get(BuildProducts.SourceFiles).Assets)
            if (context.Source.Read("pages/" + rel, Safety.ReadLimits.AssetBytes, context.Diagnostics) is { } bytes)
                context.AddOutput(new OutputFile(rel, bytes));

        WriteSourceDocuments(context);
        Write404(context, context.Get(BuildProducts.Layouts));
        if (context.Config.BaseUrl is not { } baseUrl)
        {
            // A sitemap lists absolute URLs: without the real address there is nothing true to write in it.
            context.AddOutput(OutputFile.Text("robots.txt", "User-agent: *\nAllow: /\n"));
            context.Diagnostics.Note(DiagnosticCodes.NoBaseUrl, SourceLocation.File(SiteConfigLoader.FileName),
                "no base_url: sitemap.xml is not written and pages have no canonical link; set base_url in site.yml, or pass --base-url, to the address the site is published at");
            return;
        }
        var lastUpdated = context.Get(BuildProducts.GitHistory).LastUpdated;
        var sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in context.Pages.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            sitemap.Append("  <url><loc>").Append(SecurityElement.Escape(baseUrl + page.Url)).Append("</loc>");
            if (lastUpdated.TryGetValue(page.SourcePath, out string? date)) sitemap.Append("<lastmod>").Append(date).Append("</lastmod>");
            sitemap.Append("</url>\n");
        }
        sitemap.Append("</urlset>\n");
        context.AddOutput(OutputFile.Text("sitemap.xml", sitemap.ToString()));
        context.AddOutput(OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {baseUrl}sitemap.xml\n"));
    }

    // Each repository file a source names (ParsePages checked it), once, at its own path.
    private static void WriteSourceDocuments(BuildContext context)
    {
        var documents = new SortedDictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var source in context.Pages.SelectMany(p => p.FrontMatter.Sources))
            if (source.Document is { } doc && (!documents.TryGetValue(doc, out var first) || source.Location.CompareTo(first) < 0))
                documents[doc] = source.Location;
        foreach (var (doc, at) in documents)
        {
            if (!SourceDocuments.TryRead(context.Source, doc, out byte[] bytes, out string problem))
                context.Diagnostics.Error(DiagnosticCodes.SourceFileUnsafe, at, $"source '{doc}' cannot be published: {problem}");
            else if (!context.Output.TryAdd(doc, bytes))
                context.Diagnostics.Error(DiagnosticCodes.SourceFileClash, at, $"source '{doc}' cannot be published: the site already has a file at that path");
        }
    }

    private static void Write404(BuildContext context, SiteLayouts layouts)
    {
        // The 404 page is served at any depth, so its links start from the site's absolute base path ("/" without a base_url).
        string basePath = context.Config.BasePath;
        ApplyLayouts.RenderStandalonePage(context, layouts, url: "", outputPath: "404.html", "Page not found",
            "The page you asked for is not on this site.",
            "<p>There is no page at this address. It may have moved: try the search box, the site map of each section, or the home page.</p>\n",
            layouts.Set.Templates.ContainsKey("404") ? "404" : "page", model => model with { Root = basePath });
    }
}
