using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Rewrites every internal link in the Markdown trees to its output href and reports each broken
/// link or fragment at the link's own position (the <c>[</c>). Must run after AssemblePages (it needs
/// every URL) and before RenderPages (which renders the rewritten trees).
/// </summary>
public sealed class ResolveLinks : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ResolveLinks);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var resolver = new LinkResolver(context.Tree, context.PageAssets, IdsOf);
        context.LinkResolver = resolver;
        var backlinks = new System.Collections.Concurrent.ConcurrentBag<(Page Target, string From)>();
        Parallel.ForEach(context.Pages, page =>
        {
            if (page.Document is null) return;
            foreach (var link in page.Document.Descendants<LinkInline>())
            {
                string? url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                if (string.IsNullOrEmpty(url) || LinkResolver.IsExternal(url)) continue;
                var at = new SourceLocation(page.SourcePath, link.Line + 1, link.Column + 1);
                var target = resolver.Resolve(page, url, at, context.Diagnostics);
                if (target is null) continue;
                link.Url = target.Href;
                link.GetDynamicUrl = null;
                if (target.Page is { } p && p != page) backlinks.Add((p, page.Url));
            }
        });
        foreach (var (target, from) in backlinks) target.BacklinkUrls.Add(from);
    }

    /// <summary>Every id a page defines: headings and explicit <c>{#id}</c> attributes, and its declared old anchors.</summary>
    public static IEnumerable<string> IdsOf(Page page)
    {
        if (page.Document is not null)
        {
            foreach (var node in page.Document.Descendants())
                if (node.TryGetAttributes() is { Id: { Length: > 0 } id }) yield return id;
        }
        foreach (string anchor in page.FrontMatter.Anchors.Keys) yield return anchor;
    }
}
