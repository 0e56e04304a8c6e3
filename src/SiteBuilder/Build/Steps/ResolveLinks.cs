using System.Collections.Concurrent;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Resolves every link of every page to its output href — relative <c>.md</c> links, site paths, wiki links
/// <c>[[Target]]</c>, and links to mirrored statswiki pages — and reports each broken link or fragment once,
/// at the link's own position (the <c>[</c>). Fills backlinks. Must run after AssemblePages and
/// MapStatswikiUrls (it needs every URL and every mirrored address) and before ApplyLayouts (which writes the
/// resolved bodies).
/// </summary>
public sealed class ResolveLinks : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ResolveLinks);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.SourceFiles, BuildProducts.Pages, BuildProducts.StatswikiMap];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.LinkGraph, BuildProducts.Summary];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var (pages, tree) = context.Get(BuildProducts.Pages);
        var resolver = new LinkResolver(tree, context.Get(BuildProducts.SourceFiles).Assets, IdsOf);
        var wiki = new WikiLinkResolver(tree, resolver);
        var statswiki = context.Get(BuildProducts.StatswikiMap);
        var backlinks = new ConcurrentBag<(Page Target, string From)>();
        var unmirrored = new ConcurrentBag<(string Url, SourceLocation At)>();
        Parallel.ForEach(pages, page => ResolvePage(page, resolver, wiki, statswiki, context.Diagnostics, backlinks, unmirrored));
        foreach (var (target, from) in backlinks) target.BacklinkUrls.Add(from);
        context.Set(BuildProducts.LinkGraph, resolver);

        var external = unmirrored.OrderBy(u => u.Url, StringComparer.Ordinal).ThenBy(u => u.At).ToList();
        if (external.Count > 0)
        {
            context.Summary.Enqueue($"Statswiki links with no mirror here, kept external ({external.Count}):");
            foreach (var (url, at) in external) context.Summary.Enqueue($"  {url} ({at})");
        }
    }

    /// <summary>
    /// Resolves the links of one page (the preview server's incremental rebuild calls this for the pages it
    /// re-parsed): fills <see cref="Page.Resolved"/> and <see cref="Page.ContentLinks"/>, reports broken links, and
    /// adds (target, this page's URL) to <paramref name="backlinks"/>.
    /// </summary>
    public static void ResolvePage(Page page, LinkResolver resolver, WikiLinkResolver wiki, StatswikiUrlMap statswiki,
        DiagnosticBag diagnostics, ConcurrentBag<(Page Target, string From)> backlinks, ConcurrentBag<(string Url, SourceLocation At)> unmirrored)
    {
        page.ContentLinks.Clear();
        if (page.Body is not { } body) return;
        var hrefs = new string[body.Links.Count];
        var labels = new string?[body.Links.Count];
        for (int i = 0; i < hrefs.Length; i++)
        {
            var link = body.Links[i];
            var at = new SourceLocation(page.SourcePath, link.Line, link.Column);
            LinkTarget? target = link.Kind switch
            {
                MarkdownLinkKind.WikiLink => wiki.Resolve(page, link.WikiTarget!, link.WikiFragment, at, diagnostics),
                MarkdownLinkKind.Link or MarkdownLinkKind.Image => ResolveLink(page, link, resolver, statswiki, at, diagnostics, unmirrored),
                MarkdownLinkKind.StatswikiAutolink => ResolveStatswiki(page, link.Url, resolver, statswiki, at, unmirrored),
                _ => null,
            };
            if (link.Kind == MarkdownLinkKind.WikiLink)
            {
                hrefs[i] = target?.Href ?? "";
                labels[i] = target is null ? link.Text : WikiLinkResolver.DefaultLabel(page, target);
            }
            else hrefs[i] = target?.Href ?? link.Url;
            if (target?.Page is { } linked && linked != page) backlinks.Add((linked, page.Url));
            if (hrefs[i].Length > 0) page.ContentLinks.Add((hrefs[i], link.Line, link.Column));
        }
        page.Resolved = new ResolvedLinks(hrefs, labels);
    }

    private static LinkTarget? ResolveLink(Page page, MarkdownLink link, LinkResolver resolver, StatswikiUrlMap statswiki,
        SourceLocation at, DiagnosticBag diagnostics, ConcurrentBag<(string, SourceLocation)> unmirrored)
    {
        if (!LinkResolver.IsExternal(link.Url)) return resolver.Resolve(page, link.Url, at, diagnostics);
        if (link.Kind == MarkdownLinkKind.Image || !StatswikiUrl.IsStatswiki(link.Url)) return null;
        return ResolveStatswiki(page, link.Url, resolver, statswiki, at, unmirrored);
    }

    private static LinkTarget? ResolveStatswiki(Page page, string url, LinkResolver resolver, StatswikiUrlMap statswiki,
        SourceLocation at, ConcurrentBag<(string, SourceLocation)> unmirrored)
    {
        if (MirrorHref(page, url, resolver, statswiki) is { } mirrored) return mirrored;
        unmirrored.Add((url, at));
        return null;
    }

    /// <summary>The relative href to the mirror of a statswiki address; its fragment is kept only when the mirror has that id.</summary>
    private static LinkTarget? MirrorHref(Page from, string url, LinkResolver resolver, StatswikiUrlMap statswiki)
    {
        if (statswiki.Find(url) is not { } mapping) return null;
        var parsed = StatswikiUrl.TryParse(url)!;
        string? fragment = parsed.Fragment is { } f && resolver.IdsOf(mapping.Page).Contains(Uri.UnescapeDataString(f)) ? f : null;
        string href = Permalinks.Relative(from.Url, mapping.Page.Url) + (fragment is null ? "" : "#" + fragment);
        return new LinkTarget(href, mapping.Page, fragment);
    }

    /// <summary>Every id a page defines: headings and explicit <c>{#id}</c> attributes, and its declared old anchors.</summary>
    public static IEnumerable<string> IdsOf(Page page)
    {
        if (page.Body is not null)
        {
            foreach (string id in page.Body.Ids) yield return id;
        }
        // Generated pages have no Markdown: their headings are all the ids they have.
        else foreach (var heading in page.Headings) if (heading.Id.Length > 0) yield return heading.Id;
        foreach (string anchor in page.FrontMatter.Anchors.Keys) yield return anchor;
    }
}
