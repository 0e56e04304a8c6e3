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
/// resolved bodies). After an edit (<see cref="Update"/>) it relinks only the pages whose links can change: it owns
/// those rules, and the backlinks.
/// </summary>
public sealed class ResolveLinks : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(ResolveLinks);

    /// <inheritdoc/>
    // ParsedPages for the preview: a page whose text changed is relinked (the page set is the same one, in Pages).
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.SourceFiles, BuildProducts.ParsedPages, BuildProducts.Pages, BuildProducts.StatswikiMap];

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
        context.Set(BuildProducts.LinkGraph, new LinkGraph(resolver));

        foreach (string line in SummaryLines(unmirrored)) context.Summary.Enqueue(line);
    }

    // The summary's lines for the statswiki links kept external, in URL order.
    private static List<string> SummaryLines(IEnumerable<(string Url, SourceLocation At)> unmirrored)
    {
        var external = unmirrored.OrderBy(u => u.Url, StringComparer.Ordinal).ThenBy(u => u.At).ToList();
        var lines = new List<string>(external.Count + 1);
        if (external.Count == 0) return lines;
        lines.Add($"Statswiki links with no mirror here, kept external ({external.Count}):");
        foreach (var (url, at) in external) lines.Add($"  {url} ({at})");
        return lines;
    }

    /// <summary>
    /// Relinks the pages whose links can have changed, keeping each page's links, problems and backlinks in the
    /// <see cref="BuildProducts.LinkGraph"/> between edits. Changes read: the pages re-parsed (ParsedPages, by path
    /// under <c>pages/</c>), the page set (Pages: pages added, gone, or with other front matter; all of it: relink every
    /// page), the files listed (SourceFiles: a link to an asset may break or heal) and the statswiki map. Marks the link graph's changes with the URLs of the
    /// pages relinked and of those whose backlinks changed or show a changed, added or gone page.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        var (pages, tree) = context.Get(BuildProducts.Pages);
        var statswiki = context.Get(BuildProducts.StatswikiMap);
        var old = context.Has(BuildProducts.LinkGraph) ? context.Get(BuildProducts.LinkGraph) : null;
        bool full = old?.Pages is null || changes.All(BuildProducts.Pages);
        var graph = full ? new LinkGraph(null!) { Pages = new(StringComparer.Ordinal) } : old!;
        var entries = graph.Pages!;
        bool pagesChanged = full || changes.Changed(BuildProducts.Pages);
        var byRel = pagesChanged ? pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal) : null;
        Page? Now(string rel) => byRel is not null ? byRel.GetValueOrDefault(rel) : entries.GetValueOrDefault(rel)?.Page;
        HashSet<string> InboundOf(string url) => graph.Inbound.GetValueOrDefault(url) ?? [];

        var relink = new HashSet<Page>();
        var added = pagesChanged ? pages.Where(p => !entries.ContainsKey(p.RelativePath)).ToList() : [];
        var removed = pagesChanged ? entries.Values.Where(e => !byRel!.ContainsKey(e.Page.RelativePath)).ToList() : [];
        var faceChanged = new List<Page>();
        var idsChanged = new List<Page>();
        var reparsed = new HashSet<Page>();
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        relink.UnionWith(added);
        foreach (string rel in changes.Keys(BuildProducts.ParsedPages))
        {
            if (Now(rel) is not { } now) continue;
            relink.Add(now);
            reparsed.Add(now);
            if (!entries.TryGetValue(rel, out var entry)) continue;
            // Entries show their fields in their section's table and in the generated pages, so any front-matter edit counts.
            if (Face(entry.Page) != Face(now) || entry.Page.FrontMatterSource != now.FrontMatterSource) faceChanged.Add(now);
            if (entry.Page.Title != now.Title) titles.UnionWith([entry.Page.Title, now.Title]);
            if (!graph.Resolver.TryGetIds(entry.Page, out var ids) || !ids.SetEquals(IdsOf(now))) idsChanged.Add(now);
        }
        bool statswikiChanged = changes.Changed(BuildProducts.StatswikiMap);
        if (full) relink.UnionWith(pages);
        else
        {
            if (added.Count > 0 || removed.Count > 0 || changes.Changed(BuildProducts.SourceFiles) || idsChanged.Count > 0 || faceChanged.Count > 0 || statswikiChanged)
                relink.UnionWith(pages.Where(p => entries.GetValueOrDefault(p.RelativePath)?.Problems.Count > 0));
            // Wiki links show their target's title and find pages by title; {{children}} lists the children's titles.
            foreach (var page in faceChanged)
                foreach (string from in InboundOf(page.Url))
                    if (tree.ByUrl(from) is { } source) relink.Add(source);
            foreach (string url in faceChanged.Concat(added).Select(p => p.Url).Concat(removed.Select(e => e.Page.Url)))
                if (tree.NearestAbove(url) is { Body.HasChildList: true } parent) relink.Add(parent);
            // A wiki link finds its page by path or title among all pages: a new page can make one ambiguous or take it
            // (by path), a changed title those written with the old or the new title (by title: case-insensitive).
            if (added.Count > 0) relink.UnionWith(pages.Where(p => p.Body?.HasWikiLinks == true));
            else if (titles.Count > 0)
                relink.UnionWith(pages.Where(p => p.Body is { HasWikiLinks: true } body &&
                                                  body.Links.Any(l => l.Kind == MarkdownLinkKind.WikiLink && titles.Contains(l.WikiTarget!))));
            // Links to statswiki addresses become internal (or external again) when the map changes.
            if (statswikiChanged) relink.UnionWith(pages.Where(p => p.Body?.CitesStatswiki == true));
            // Links into a gone page, or to fragments of a page whose ids changed, may break or heal.
            foreach (string url in removed.Select(e => e.Page.Url).Concat(idsChanged.Select(p => p.Url)))
                foreach (string from in InboundOf(url))
                    if (tree.ByUrl(from) is { } source) relink.Add(source);
        }

        // One resolver serves many edits: its ids are kept for every page not re-parsed (making them all is the slow part).
        bool sameSet = !full && added.Count == 0 && removed.Count == 0 && !changes.Changed(BuildProducts.SourceFiles);
        var renewedPages = sameSet && pagesChanged ? pages.Where(p => entries.TryGetValue(p.RelativePath, out var e) && e.Page != p).ToList() : [];
        if (sameSet && (pagesChanged || idsChanged.Count > 0) && graph.Resolver.Over(tree) &&
            graph.Resolver.Update(renewedPages.Concat(reparsed).Distinct().ToList(), reparsed.Contains, IdsOf))
        {
            // The same pages, some in the places of others (PageTree.Replace): the resolvers follow them (making them
            // again over 10 000 pages is most of a title edit's relinking).
            if (graph.Wiki is { } kept)
                foreach (var page in renewedPages)
                    if (!kept.TryReplace(entries[page.RelativePath].Page, page))
                    {
                        graph.Wiki = null;
                        break;
                    }
        }
        else if (full || pagesChanged || changes.Changed(BuildProducts.SourceFiles) || idsChanged.Count > 0)
        {
            var previous = graph.Resolver;
            graph.Resolver = new LinkResolver(tree, context.Get(BuildProducts.SourceFiles).Assets, p =>
                !reparsed.Contains(p) && previous is not null && previous.TryGetIds(p, out var ids) ? ids : IdsOf(p));
            graph.Wiki = null;
        }
        var resolver = graph.Resolver;
        var wiki = graph.Wiki ??= new WikiLinkResolver(tree, resolver);

        // Backlinks: the links of the pages relinked or gone are taken out, and those relinked put back.
        var before = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Touch(string url)
        {
            if (!before.ContainsKey(url)) before[url] = [.. InboundOf(url).Order(StringComparer.Ordinal)];
        }
        var shownBy = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in removed)
        {
            if (entry.Unmirrored.Count > 0) graph.UnmirroredSummary = null;
            entries.Remove(entry.Page.RelativePath);
            shownBy.UnionWith(entry.Outbound);
        }
        foreach (var entry in removed.Concat(relink.Select(p => entries.GetValueOrDefault(p.RelativePath)).OfType<LinkGraph.PageLinks>()))
            foreach (string url in entry.Outbound)
            {
                Touch(url);
                graph.Inbound.GetValueOrDefault(url)?.Remove(entry.Page.Url);
            }
        var resolved = new System.Collections.Concurrent.ConcurrentBag<LinkGraph.PageLinks>();
        Parallel.ForEach(relink, page =>
        {
            var diagnostics = new DiagnosticBag();
            var linked = new ConcurrentBag<(Page Target, string From)>();
            var unmirrored = new ConcurrentBag<(string Url, SourceLocation At)>();
            ResolvePage(page, resolver, wiki, statswiki, diagnostics, linked, unmirrored);
            resolved.Add(new LinkGraph.PageLinks(page, linked.Select(l => l.Target.Url).ToHashSet(StringComparer.Ordinal),
                diagnostics.ToSortedList(), unmirrored.ToList()));
        });
        foreach (var entry in resolved)
        {
            // The summary of the links kept external is made again only when a page relinked has other ones (or at other places).
            if (!(entries.GetValueOrDefault(entry.Page.RelativePath)?.Unmirrored ?? []).Order().SequenceEqual(entry.Unmirrored.Order())) graph.UnmirroredSummary = null;
            entries[entry.Page.RelativePath] = entry;
            foreach (string url in entry.Outbound)
            {
                Touch(url);
                if (!graph.Inbound.TryGetValue(url, out var from)) graph.Inbound[url] = from = new HashSet<string>(StringComparer.Ordinal);
                from.Add(entry.Page.Url);
            }
        }
        // Pages made anew (generated pages, every assembly) are the ones the graph now knows.
        var renewed = new List<Page>();
        if (pagesChanged)
            foreach (var page in pages)
                if (entries.GetValueOrDefault(page.RelativePath) is { } entry && entry.Page != page)
                {
                    entries[page.RelativePath] = entry with { Page = page };
                    renewed.Add(page);
                }

        // Backlinks are filled on the pages whose inbound links changed and on the page objects new to the graph (those
        // relinked or made anew): every other page kept its object and its backlinks.
        var backlinksChanged = before.Where(kv => !InboundOf(kv.Key).SetEquals(kv.Value)).Select(kv => kv.Key).ToList();
        foreach (var page in full ? pages : renewed.Concat(relink).Concat(backlinksChanged.Select(tree.ByUrl).OfType<Page>()))
        {
            var inbound = InboundOf(page.Url);
            if (page.BacklinkUrls.SetEquals(inbound)) continue;
            page.BacklinkUrls.Clear();
            page.BacklinkUrls.UnionWith(inbound);
        }
        foreach (var page in faceChanged.Concat(added)) shownBy.UnionWith(entries.GetValueOrDefault(page.RelativePath)?.Outbound ?? []);
        var marked = relink.Select(p => p.Url).Concat(backlinksChanged).Concat(shownBy).ToList();
        if (full || marked.Count > 0) changes.Mark(BuildProducts.LinkGraph, marked);
        context.Set(BuildProducts.LinkGraph, graph);
        context.Diagnostics.Clear();
        foreach (var d in graph.Problems) context.Diagnostics.Add(d);
        graph.UnmirroredSummary ??= SummaryLines(graph.Unmirrored);
        foreach (string line in graph.UnmirroredSummary) context.Summary.Enqueue(line);
        return true;
    }

    /// <summary>What a page shows of itself on other pages: sidebars, child lists, breadcrumbs, backlinks.</summary>
    private static (string Title, string? Description, int Weight) Face(Page page) =>
        (page.Title, page.FrontMatter.Description, page.FrontMatter.Weight);

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
