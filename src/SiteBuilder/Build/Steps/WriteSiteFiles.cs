using System.Security;
using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Adds the site-level files: page assets (images, PDFs under <c>pages/</c>), <c>sitemap.xml</c>,
/// <c>robots.txt</c> and <c>404.html</c>. Must run after ApplyLayouts (the 404 page uses the layouts).
/// </summary>
public sealed class WriteSiteFiles : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(WriteSiteFiles);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        foreach (string rel in context.PageAssets)
            if (context.Source.Read("pages/" + rel, Safety.ReadLimits.AssetBytes, context.Diagnostics) is { } bytes)
                context.AddOutput(new OutputFile(rel, bytes));

        string baseUrl = context.Config.BaseUrl;
        var sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in context.Pages.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            sitemap.Append("  <url><loc>").Append(SecurityElement.Escape(baseUrl + page.Url)).Append("</loc>");
            if (context.LastUpdated.TryGetValue(page.SourcePath, out string? date)) sitemap.Append("<lastmod>").Append(date).Append("</lastmod>");
            sitemap.Append("</url>\n");
        }
        sitemap.Append("</urlset>\n");
        context.AddOutput(OutputFile.Text("sitemap.xml", sitemap.ToString()));
        context.AddOutput(OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {baseUrl}sitemap.xml\n"));
        Write404(context);
    }

    private static void Write404(BuildContext context)
    {
        if (context.Layouts is null) return;
        // The 404 page is served at any depth, so its links start from the site's absolute base path.
        string basePath = new Uri(context.Config.BaseUrl).AbsolutePath;
        ApplyLayouts.RenderStandalonePage(context, url: "", outputPath: "404.html", "Page not found",
            "The page you asked for is not on this site.",
            "<p>There is no page at this address. It may have moved: try the search box, the site map of each section, or the home page.</p>\n",
            context.Layouts.Templates.ContainsKey("404") ? "404" : "page", model => model with { Root = basePath });
    }
}
