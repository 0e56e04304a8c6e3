using System.Collections.Concurrent;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Markdown.Extensions.ChildPages;
using SiteBuilder.Markdown.Extensions.WikiLinks;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Rewrites every internal link in the Markdown trees to its output href — relative <c>.md</c> links,
/// site paths, wiki links <c>[[Target]]</c>, and links to mirrored statswiki pages — and reports each
/// broken link or fragment once, at the link's own position (the <c>[</c>). Fills backlinks and the
/// <c>{{children}}</c> blocks. Must run after AssemblePages and MapStatswikiUrls (it needs every URL and
/// every mirrored address) and before RenderPages (which renders the rewritten trees).
/// </summary>
public sealed class ResolveLinks : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ResolveLinks);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var resolver = new LinkResolver(context.Tree, context.PageAssets, IdsOf);
        var wiki = new WikiLinkResolver(context.Tree, resolver);
        var statswiki = context.StatswikiMap;
        context.LinkResolver = resolver;
        var backlinks = new ConcurrentBag<(Page Target, string From)>();
        var unmirrored = new ConcurrentBag<(string Url, SourceLocation At)>();
        Parallel.ForEach(context.Pages, page => ResolvePage(page, resolver, wiki, statswiki, context.Diagnostics, backlinks, unmirrored));
        foreach (var (target, from) in backlinks) target.BacklinkUrls.Add(from);

        var external = unmirrored.OrderBy(u => u.Url, StringComparer.Ordinal).ThenBy(u => u.At).ToList();
        if (external.Count > 0)
        {
            context.Summary.Enqueue($"Statswiki links with no mirror here, kept external ({external.Count}):");
            foreach (var (url, at) in external) context.Summary.Enqueue($"  {url} ({at})");
        }
    }

    /// <summary>
    /// Resolves the links of one page (the preview server's incremental rebuild calls this for the pages it
    /// re-parsed): rewrites them, reports broken ones, and adds (target, this page's URL) to <paramref name="backlinks"/>.
    /// </summary>
    public static void ResolvePage(Page page, LinkResolver resolver, WikiLinkResolver wiki, StatswikiUrlMap statswiki,
        DiagnosticBag diagnostics, ConcurrentBag<(Page Target, string From)> backlinks, ConcurrentBag<(string Url, SourceLocation At)> unmirrored)
    {
        if (page.Document is null) return;
        // Materialised: statswiki autolinks are replaced in the tree while walking.
        foreach (var inline in page.Document.Descendants<Inline>().ToList())
        {
            var at = new SourceLocation(page.SourcePath, inline.Line + 1, inline.Column + 1);
            Page? linked = inline switch
            {
                WikiLinkInline w => ResolveWiki(page, w, wiki, at, diagnostics),
                LinkInline link => ResolveLink(page, link, resolver, statswiki, at, diagnostics, unmirrored),
                AutolinkInline { IsEmail: false } auto => ResolveAutolink(page, auto, resolver, statswiki, at, unmirrored),
                _ => null,
            };
            if (linked is not null && linked != page) backlinks.Add((linked, page.Url));
        }
        foreach (var block in page.Document.Descendants<ChildPagesBlock>())
            block.Items = page.Children.Select(c => (c.Title, Permalinks.Relative(page.Url, c.Url), c.FrontMatter.Description)).ToList();
    }

    private static Page? ResolveWiki(Page page, WikiLinkInline link, WikiLinkResolver wiki, SourceLocation at, DiagnosticBag diagnostics)
    {
        var target = wiki.Resolve(page, link.Target, link.Fragment, at, diagnostics);
        if (target is null) return null;
        link.Url = target.Href;
        if (link.ExplicitLabel is null && link.FirstChild is LiteralInline literal)
            literal.Content = new StringSlice(WikiLinkResolver.DefaultLabel(page, target));
        return target.Page;
    }

    private static Page? ResolveLink(Page page, LinkInline link, LinkResolver resolver, StatswikiUrlMap statswiki,
        SourceLocation at, DiagnosticBag diagnostics, ConcurrentBag<(string, SourceLocation)> unmirrored)
    {
        string? url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        if (string.IsNullOrEmpty(url)) return null;
        if (LinkResolver.IsExternal(url))
        {
            if (!StatswikiUrl.IsStatswiki(url) || link.IsImage) return null;
            if (MirrorHref(page, url, resolver, statswiki) is not { } mirrored)
            {
                unmirrored.Add((url, at));
                return null;
            }
            link.Url = mirrored.Href;
            link.GetDynamicUrl = null;
            return mirrored.Page;
        }
        var target = resolver.Resolve(page, url, at, diagnostics);
        if (target is null) return null;
        link.Url = target.Href;
        link.GetDynamicUrl = null;
        return target.Page;
    }

    private static Page? ResolveAutolink(Page page, AutolinkInline auto, LinkResolver resolver, StatswikiUrlMap statswiki,
        SourceLocation at, ConcurrentBag<(string, SourceLocation)> unmirrored)
    {
        if (!StatswikiUrl.IsStatswiki(auto.Url)) return null;
        if (MirrorHref(page, auto.Url, resolver, statswiki) is not { } mirrored)
        {
            unmirrored.Add((auto.Url, at));
            return null;
        }
        // An autolink renders its URL as both text and href; keep the text, point the href home.
        var link = new LinkInline(mirrored.Href, "") { Span = auto.Span, Line = auto.Line, Column = auto.Column, IsClosed = true };
        link.AppendChild(new LiteralInline(auto.Url) { Span = auto.Span, Line = auto.Line, Column = auto.Column });
        auto.ReplaceBy(link);
        return mirrored.Page;
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
        if (page.Document is not null)
        {
            foreach (var node in page.Document.Descendants())
                if (node.TryGetAttributes() is { Id: { Length: > 0 } id }) yield return id;
        }
        // Generated pages have no Markdown: their headings are all the ids they have.
        else foreach (var heading in page.Headings) if (heading.Id.Length > 0) yield return heading.Id;
        foreach (string anchor in page.FrontMatter.Anchors.Keys) yield return anchor;
    }
}
