using System.Globalization;
using SiteBuilder.Content;
using SiteBuilder.Linking;

namespace SiteBuilder.Layouts;

/// <summary>Builds the <see cref="PageModel"/> of a page from the assembled site.</summary>
public sealed class PageModelFactory
{
    private readonly SiteConfig _config;
    private readonly PageTree _tree;
    private readonly SiteModel _site;
    private readonly StatswikiUrlMap _statswiki;

    /// <summary>Creates a factory for one build.</summary>
    /// <param name="config">Site configuration.</param>
    /// <param name="tree">The page tree.</param>
    /// <param name="statswiki">Mirrored statswiki addresses: sources citing one link to the mirror instead.</param>
    public PageModelFactory(SiteConfig config, PageTree tree, StatswikiUrlMap? statswiki = null)
    {
        _config = config;
        _tree = tree;
        _statswiki = statswiki ?? StatswikiUrlMap.Empty;
        var sections = (tree.Root?.Children ?? tree.Pages.Where(p => p.Parent is null && p.Url.Length > 0).ToList())
            // A section's site.yml title is its short name, the one navigation shows; its page title is the long one.
            .Select(p => (config.Section(p.Section)?.Title is { Length: > 0 } shortTitle && p.Url == p.Section + "/" ? shortTitle : p.Title, p.Url)).ToList();
        // Every page carries the header: a site of thousands of top-level pages would copy them all into each page
        // (2,000 made every page 90 kB, the site grows with the square of its pages). The rest are one link home.
        if (sections.Count > SiteNavLimit)
            sections = [.. sections.Take(SiteNavLimit), ($"{sections.Count - SiteNavLimit} more pages…", "")];
        _site = new SiteModel
        {
            Title = config.Title,
            Description = config.Description,
            Footer = string.IsNullOrWhiteSpace(config.Footer) ? null : config.Footer.Trim(),
            Language = config.Language,
            BaseUrl = config.BaseUrl,
            Repository = config.Repository,
            Sections = sections,
        };
    }

    /// <summary>Site-wide data shared by every page.</summary>
    public SiteModel Site => _site;

    /// <summary>The model of one page.</summary>
    /// <param name="page">The page.</param>
    /// <param name="lastUpdated">Its last change, from git.</param>
    /// <param name="sidebar">Sidebar entries shared with the other pages of the same render, if any.</param>
    public PageModel Create(Page page, string? lastUpdated = null, SidebarNodes? sidebar = null)
    {
        string url = page.Url;
        NavLink Link(Page p) => new(p.Title, Permalinks.Relative(url, p.Url), p.FrontMatter.Description);
        return new PageModel
        {
            Site = _site,
            Title = page.Title,
            Description = page.FrontMatter.Description,
            Content = page.ContentHtml,
            Url = url,
            Root = Permalinks.Root(url),
            CanonicalUrl = _config.BaseUrl is { } baseUrl ? baseUrl + url : null,
            Kind = page.Kind,
            Section = page.Section,
            Breadcrumbs = page.Ancestors.Select(Link).ToList(),
            Toc = page.Headings.Where(h => h.Level is >= 2 and <= 3 && h.Id.Length > 0)
                .Select(h => new TocEntry(h.Level, h.Id, h.Text)).ToList(),
            // A page that places {{children}} itself does not get the list a second time.
            Children = page.FrontMatter.HideChildren || page.Body?.HasChildList == true
                ? [] : page.Children.Select(c => Link(c) with { PageCount = Descendants(c) }).ToList(),
            Sidebar = Sidebar(page, sidebar),
            Sources = page.FrontMatter.Sources.Select(s => new NavLink(s.Title, s.Document is { } doc ? Permalinks.Relative(url, doc) : SourceHref(url, s.Url))).ToList(),
            Labels = page.FrontMatter.Labels,
            LabelLinks = page.FrontMatter.Labels.Where(l => l.Trim().Length > 0)
                .Select(l => new NavLink(l, Permalinks.Relative(url, Build.Steps.GenerateIndexPages.LabelsUrl + Build.Steps.GenerateIndexPages.LabelSlug(l.Trim()) + "/"))).ToList(),
            EntryTable = EntryTableOf(page),
            Backlinks = page.BacklinkUrls.Select(u => _tree.ByUrl(u)).OfType<Page>()
                .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Url, StringComparer.Ordinal)
                .Select(Link).ToList(),
            EditUrl = _config.Repository is { } repo && page.Kind != PageKind.Generated
                ? $"{repo}/edit/{_config.Branch}/{page.SourcePath}" : null,
            LastUpdated = lastUpdated,
            Statswiki = page.FrontMatter.Statswiki.Select(s => s.Url).ToList(),
            Fields = Fields(page),
        };
    }

    private static int Descendants(Page page)
    {
        int count = page.Children.Count;
        foreach (var child in page.Children) count += Descendants(child);
        return count;
    }

    /// <summary>The most top-level pages the header lists; the rest are one "more" link to the home page.</summary>
    public const int SiteNavLimit = 30;

    /// <summary>The most siblings one level of the sidebar lists; the rest are one "more" link to their parent.</summary>
    public const int SidebarLevelLimit = 30;

    /// <summary>
    /// The sidebar of a page: its section's tree with only the branch down to the page open. Each level lists at
    /// most <see cref="SidebarLevelLimit"/> pages (a window around the open one) and links the rest through their
    /// parent, so a page's sidebar costs O(depth × limit) whatever the size of its section.
    /// </summary>
    public NavNode? Sidebar(Page page, SidebarNodes? shared = null)
    {
        var sectionRoot = page.Ancestors.Skip(1).FirstOrDefault() ?? (page.Parent is null ? null : page);
        if (page.Kind == PageKind.Home || sectionRoot is null) return null;
        var open = new HashSet<Page>(page.Ancestors) { page };
        string folder = shared is null ? "" : SidebarNodes.FolderOf(page);
        NavNode Node(Page p) => open.Contains(p)
            ? new(p.Title, Permalinks.Relative(page.Url, p.Url), p == page, true, p.Children.Count > 0, Level(p))
            : shared?.Closed(folder, page, p) ?? ClosedNode(p, page.Url);
        IReadOnlyList<NavNode> Level(Page parent)
        {
            var children = parent.Children;
            if (children.Count <= SidebarLevelLimit) return children.Select(Node).ToList();
            int openIndex = children.FindIndex(open.Contains);
            int start = Math.Clamp(openIndex - SidebarLevelLimit / 2, 0, children.Count - SidebarLevelLimit);
            var nodes = new List<NavNode>(SidebarLevelLimit + 1);
            for (int i = start; i < start + SidebarLevelLimit; i++) nodes.Add(Node(children[i]));
            int hidden = children.Count - SidebarLevelLimit;
            nodes.Add(new NavNode($"{hidden} more pages…", Permalinks.Relative(page.Url, parent.Url), false, false, false, []));
            return nodes;
        }
        return Node(sectionRoot);
    }

    /// <summary>The sidebar entry of <paramref name="page"/>, not open, seen from the page at <paramref name="fromUrl"/>.</summary>
    internal static NavNode ClosedNode(Page page, string fromUrl) =>
        new(page.Title, Permalinks.Relative(fromUrl, page.Url), false, false, page.Children.Count > 0, []);

    private string SourceHref(string fromUrl, string url)
    {
        // A source on statswiki that this site mirrors is read here, not on the old wiki.
        return _statswiki.Find(url) is { } mapping ? Permalinks.Relative(fromUrl, mapping.Page.Url) : url;
    }

    /// <summary>The entry table of a section home whose section lists <c>table:</c> columns; null elsewhere.</summary>
    public EntryTable? EntryTableOf(Page page)
    {
        if (page.Kind != PageKind.Section || page.Url != page.Section + "/") return null;
        if (_config.Section(page.Section) is not { Table.Count: > 0, Schema: { } schema } section) return null;
        var entries = _tree.Pages.Where(p => p.Section == page.Section && p.Kind == PageKind.Entry)
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Url, StringComparer.Ordinal).ToList();
        var fields = section.Table.Select(schema.Field).OfType<SchemaField>().ToList();
        var rows = entries.Select(e => new EntryRow(e.Title, Permalinks.Relative(page.Url, e.Url),
            fields.Select(f => (IReadOnlyList<string>)FieldDisplay.RawValues(e, f.Name).Select(v => FieldDisplay.Display(f, v)).ToList()).ToList())).ToList();
        var columns = fields.Select((f, i) => new EntryColumn(f.Name, Label(f.Name), f.Type == SchemaFieldType.Int,
            rows.SelectMany(r => r.Cells[i]).Distinct(StringComparer.Ordinal)
                .Order(f.Type == SchemaFieldType.Int ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase).ToList())).ToList();
        string title = section.Title ?? page.Title;
        return new EntryTable($"All {rows.Count} entries of {title}", columns, rows);
    }

    private IReadOnlyList<FieldValue> Fields(Page page)
    {
        if (_config.Section(page.Section)?.Schema is not { } schema || page.Kind != PageKind.Entry) return [];
        var list = new List<FieldValue>();
        foreach (var field in schema.Fields)
        {
            var values = FieldDisplay.RawValues(page, field.Name).Select(v => FieldDisplay.Display(field, v)).ToList();
            if (values.Count > 0) list.Add(new FieldValue(field.Name, Label(field.Name), values));
        }
        return list;
    }

    /// <summary><c>data_source_type</c> → "Data source type".</summary>
    public static string Label(string key)
    {
        string words = key.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
