using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Layouts;
using SiteBuilder.Linking;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Adds the generated pages to the site and its tree, so they appear in the sidebar and links and wiki
/// links can reach them: each section's <c>index_by:</c> pages (entries grouped by a schema field, e.g.
/// <c>/dimis/by-country/</c>) and the label pages (<c>/labels/</c>, <c>/labels/LABEL/</c>). Must run after
/// AssemblePages (entry kinds are known) and before MapStatswikiUrls and ResolveLinks (which index the tree).
/// </summary>
public sealed class GenerateIndexPages : IIncrementalStep
{
    /// <summary>The folder of the label pages.</summary>
    public const string LabelsUrl = "labels/";

    /// <inheritdoc/>
    public string Name => nameof(GenerateIndexPages);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.AssembledPages];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Pages];

    /// <inheritdoc/>
    public void Execute(BuildContext context) => Generate(context, null);

    // Makes the generated pages; a label page whose slug is not in reuse's Dirty set is the last run's (reuse.Old).
    private static void Generate(BuildContext context, (IReadOnlyDictionary<string, Page> Old, IReadOnlySet<string> Dirty)? reuse)
    {
        var (assembled, tree) = context.Get(BuildProducts.AssembledPages);
        var pages = assembled.ToList();
        var added = new List<Page>();
        foreach (var section in context.Config.Sections.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (section.IndexBy.Count == 0 || tree.ByUrl(section.Key + "/") is null) continue;
            var entries = SectionEntries(pages, section);
            int weight = 1000;
            foreach (var index in section.IndexBy)
                added.Add(IndexPage(section, index, entries, weight++));
        }
        added.AddRange(LabelPages(pages, reuse));

        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in added)
        {
            if (!urls.Add(page.Url)) continue;
            if (tree.ByUrl(page.Url) is { } existing)
            {
                context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(existing.SourcePath, 1, 1),
                    $"URL '/{page.Url}' is also a generated page ('{page.Title}'); move this page or change the site.yml setting");
                continue;
            }
            pages.Add(page);
        }
        context.Set(BuildProducts.Pages, new SitePages(pages, PageTree.Build(pages)));
    }

    /// <summary>
    /// Runs again, then names in the page set's changes the URLs of the pages added, gone, or whose face (title,
    /// description, weight) or front matter changed: what the steps after it follow (sidebars, breadcrumbs, backlinks,
    /// child lists). Generated pages are made anew each time and are not compared, but for the label pages no changed
    /// page is listed on, which are kept when the pages are the same ones with the same labels (at 10 000 pages, making
    /// every label page is most of a title edit's time).
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.Pages) || changes.Changed(BuildProducts.Config)) return false;
        if (!changes.All(BuildProducts.AssembledPages) && Replace(context, changes)) return true;
        var old = context.Get(BuildProducts.Pages).Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        context.Diagnostics.Clear();
        Generate(context, DirtyLabels(context.Get(BuildProducts.AssembledPages).Pages, old) is { } dirty ? (old, dirty) : null);
        var now = context.Get(BuildProducts.Pages).Pages;
        var keys = new List<string>();
        foreach (var page in now)
        {
            if (!old.Remove(page.RelativePath, out var before)) keys.Add(page.Url);
            else if (before != page && page.Kind != PageKind.Generated && FaceChanged(before, page)) keys.Add(page.Url);
        }
        keys.AddRange(old.Values.Select(p => p.Url));
        changes.Mark(BuildProducts.Pages, keys);
        return true;
    }

    // What the steps after it follow of a page made anew: what other pages show of it (title, description, weight) and its front matter.
    private static bool FaceChanged(Page before, Page now) =>
        (before.Title, before.FrontMatter.Description, before.FrontMatter.Weight, before.FrontMatterSource) !=
        (now.Title, now.FrontMatter.Description, now.FrontMatter.Weight, now.FrontMatterSource);

    /// <summary>
    /// The fast path of <see cref="Update"/> for pages that AssemblePages put in the place of the old ones (its changes'
    /// keys) with the same labels: they take the old ones' places in the page list and tree, and only the generated pages
    /// that list them are made again (their labels' pages, their section's index pages) and take the places of the old
    /// ones; the label index (labels and counts) stays. False, having changed nothing, when it does not apply (a label
    /// changed, or the last run reported a problem): the caller then makes every page.
    /// </summary>
    private static bool Replace(BuildContext context, ProductChanges changes)
    {
        var (assembled, assembledTree) = context.Get(BuildProducts.AssembledPages);
        var (pages, tree) = context.Get(BuildProducts.Pages);
        if (context.Diagnostics.ToSortedList().Count > 0) return false;
        var swaps = new List<(Page Old, Page Now)>();
        foreach (string rel in changes.Keys(BuildProducts.AssembledPages))
        {
            string url = Permalinks.FromRelativePath(rel);
            if (assembledTree.ByUrl(url) is not { } now || tree.ByUrl(url) is not { } old || old.RelativePath != rel || old == now ||
                !old.FrontMatter.Labels.SequenceEqual(now.FrontMatter.Labels, StringComparer.Ordinal)) return false;
            swaps.Add((old, now));
        }
        if (swaps.Count == 0) return false;
        var list = pages.ToList();
        foreach (var (old, now) in swaps) list[list.IndexOf(old)] = now;

        // The generated pages that list a page replaced, made again as Generate makes them.
        var remade = new List<Page>();
        var sections = swaps.Where(s => s.Now.Kind == PageKind.Entry).Select(s => s.Now.Section).ToHashSet(StringComparer.Ordinal);
        foreach (var section in context.Config.Sections.Values.Where(s => sections.Contains(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (section.IndexBy.Count == 0 || tree.ByUrl(section.Key + "/") is null) continue;
            var entries = SectionEntries(list, section);
            int weight = 1000;
            foreach (var index in section.IndexBy) remade.Add(IndexPage(section, index, entries, weight++));
        }
        // Their labels' pages: each label page keeps the list it shows (its listing), so a page that took another's place
        // moves one line of it instead of the label's pages being gathered from the whole site and listed again (at
        // 10 000 pages, with labels of thousands of pages, that was most of a title edit here).
        var slugs = swaps.SelectMany(s => SlugsOf(s.Now)).ToHashSet(StringComparer.Ordinal);
        foreach (string slug in slugs.Order(StringComparer.Ordinal))
        {
            if (tree.ByUrl($"{LabelsUrl}{slug}/") is not { } labelPage || !Listings.TryGetValue(labelPage, out var listing)) return false;
            foreach (var (old, now) in swaps.Where(s => SlugsOf(s.Now).Contains(slug)))
            {
                if (!listing.Pages.Contains(old)) return false;
                listing = listing.Replace(old, now);
            }
            remade.Add(LabelPage(labelPage.RelativePath, listing));
        }
        // Each in the place of the page it makes again (not when another page took that URL: then Generate decides).
        var olds = remade.Select(p => tree.ByUrl(p.Url)).ToList();
        if (olds.Any(old => old is not { Kind: PageKind.Generated }) || olds.Zip(remade).Any(x => x.First!.RelativePath != x.Second.RelativePath))
            return false;

        foreach (var (old, now) in swaps) tree.Replace(old, now, relink: false);
        foreach (var (old, now) in olds.Zip(remade))
        {
            list[list.IndexOf(old!)] = now;
            tree.Replace(old!, now, relink: true);
        }
        context.Set(BuildProducts.Pages, new SitePages(list, tree));
        changes.Mark(BuildProducts.Pages, swaps.Where(s => FaceChanged(s.Old, s.Now)).Select(s => s.Now.Url));
        return true;
    }

    /// <summary>
    /// The label slugs whose pages must be made again when the assembled pages are the last run's but for some pages
    /// made anew (their front matter changed) with the same labels: the labels of those pages (a label page lists its
    /// pages' titles and descriptions). Null when pages came or went or labels changed: every generated page is made again.
    /// </summary>
    private static HashSet<string>? DirtyLabels(IReadOnlyList<Page> assembled, Dictionary<string, Page> old)
    {
        if (assembled.Count != old.Values.Count(p => p.Kind != PageKind.Generated)) return null;
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in assembled)
        {
            if (!old.TryGetValue(page.RelativePath, out var before) || before.Kind == PageKind.Generated) return null;
            if (before == page) continue;
            if (!before.FrontMatter.Labels.SequenceEqual(page.FrontMatter.Labels, StringComparer.Ordinal)) return null;
            foreach (string label in page.FrontMatter.Labels)
                if (label.Trim() is { Length: > 0 } trimmed) dirty.Add(LabelSlug(trimmed));
        }
        return dirty;
    }

    private static Page IndexPage(SectionConfig section, SectionIndex index, List<Page> entries, int weight)
    {
        var field = section.Schema?.Field(index.Field);
        string label = PageModelFactory.Label(index.Field).ToLowerInvariant();
        var page = NewPage($"{section.Key}/{index.Slug}.md", index.Title,
            $"The {entries.Count} entries of this section, grouped by {label}.", weight);
        var groups = entries
            .SelectMany(e => FieldDisplay.RawValues(e, index.Field).Distinct(StringComparer.Ordinal).Select(v => (Value: v, Entry: e)))
            .GroupBy(x => x.Value, StringComparer.Ordinal)
            .Select(g => (Text: FieldDisplay.Display(field, g.Key), g.Key, Entries: g.Select(x => x.Entry).ToList()))
            .OrderBy(g => g.Text, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var html = new StringBuilder();
        html.Append($"<p>{entries.Count} entries, grouped by {Encode(label)}. An entry with several values is listed under each.</p>\n");
        var headings = new List<Heading>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, key, groupEntries) in groups)
        {
            string id = UniqueId(WikiLinkResolver.Slug(key) is { Length: > 0 } s ? s : "group", usedIds);
            string heading = text == key || field?.Format != "iso3166-alpha3" ? text : $"{text} ({key})";
            headings.Add(new Heading(2, id, heading, 0));
            html.Append($"<h2 id=\"{id}\">{Encode(heading)} <span class=\"count\">({groupEntries.Count})</span></h2>\n<ul>\n");
            foreach (var entry in groupEntries)
                html.Append($"<li><a href=\"{Encode(Permalinks.Relative(page.Url, entry.Url))}\">{Encode(entry.Title)}</a></li>\n");
            html.Append("</ul>\n");
        }
        page.ContentHtml = html.ToString();
        page.Headings = headings;
        page.PlainText = string.Join('\n', groups.Select(g => g.Text + ": " + string.Join("; ", g.Entries.Select(e => e.Title))));
        return page;
    }

    // What each label page lists (its label, its pages in order, their lines), kept with the page for Replace.
    private static readonly ConditionalWeakTable<Page, LabelListing> Listings = new();

    // The page of one label: its pages by title, each with its description.
    private static Page LabelPage(string path, string label, List<Page> pages) =>
        LabelPage(path, LabelListing.Of(label, Permalinks.FromRelativePath(path), pages));

    private static Page LabelPage(string path, LabelListing listing)
    {
        var page = NewPage(path, $"Label: {listing.Label}", $"The {listing.Pages.Count} pages labelled '{listing.Label}'.", 0);
        page.ContentHtml = "<ul>\n" + string.Concat(listing.Lines) + "</ul>\n";
        page.PlainText = string.Join('\n', listing.Pages.Select(p => p.Title));
        Listings.Add(page, listing);
        return page;
    }

    private static IEnumerable<Page> LabelPages(List<Page> pages, (IReadOnlyDictionary<string, Page> Old, IReadOnlySet<string> Dirty)? reuse)
    {
        var byLabel = LabelGroups(pages).ToList();
        if (byLabel.Count == 0) yield break;

        var index = NewPage("labels/index.md", "Labels", $"The {byLabel.Count} labels used on this site, with their pages.", int.MaxValue);
        var list = new StringBuilder("<ul class=\"label-list\">\n");
        foreach (var group in byLabel)
        {
            string label = group.First().Label;
            string path = $"labels/{group.Key}/index.md";
            var labelled = group.Select(x => x.Page).Distinct().ToList();
            list.Append($"<li><a class=\"label\" href=\"{Encode(group.Key)}/\">{Encode(label)}</a> <span class=\"count\">({labelled.Count})</span></li>\n");
            yield return reuse is { } r && !r.Dirty.Contains(group.Key) && r.Old.GetValueOrDefault(path) is { Kind: PageKind.Generated } kept
                ? kept
                : LabelPage(path, label, labelled);
        }
        list.Append("</ul>\n");
        index.ContentHtml = list.ToString();
        index.PlainText = string.Join('\n', byLabel.Select(g => g.First().Label));
        yield return index;
    }

    // The slugs of a page's labels (blank ones are none).
    private static IEnumerable<string> SlugsOf(Page page) =>
        page.FrontMatter.Labels.Select(l => l.Trim()).Where(l => l.Length > 0).Select(LabelSlug);

    // A section's entries in the order its index pages list them.
    private static List<Page> SectionEntries(IEnumerable<Page> pages, SectionConfig section) =>
        pages.Where(p => p.Section == section.Key && p.Kind == PageKind.Entry)
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Url, StringComparer.Ordinal).ToList();

    // The labelled pages by label slug, in slug order; each group in the pages' order (its first label as written names it).
    private static IEnumerable<IGrouping<string, (string Label, Page Page)>> LabelGroups(IEnumerable<Page> pages) =>
        pages.Where(p => p.Kind != PageKind.Generated)
            .SelectMany(p => p.FrontMatter.Labels.Select(l => (Label: l.Trim(), Page: p)))
            .Where(x => x.Label.Length > 0)
            .GroupBy(x => LabelSlug(x.Label), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The URL segment of a label: as written when it is URL-safe, else a slug.</summary>
    public static string LabelSlug(string label) =>
        label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && label.Trim('.').Length > 0
            ? label.ToLowerInvariant()
            : WikiLinkResolver.Slug(label) is { Length: > 0 } s ? s : "label";

    private static Page NewPage(string relativePath, string title, string description, int weight) =>
        new(relativePath)
        {
            FrontMatter = new FrontMatter { Title = title, Description = description, Weight = weight },
            Kind = PageKind.Generated,
            Layout = "page",
        };

    private static string UniqueId(string id, HashSet<string> used)
    {
        string candidate = id;
        for (int i = 1; !used.Add(candidate); i++) candidate = $"{id}-{i}";
        return candidate;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
