using System.Globalization;
using SiteBuilder.Content;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Layouts;

/// <summary>Builds the <see cref="PageModel"/> of a page from the assembled site.</summary>
public sealed class PageModelFactory
{
    private readonly SiteConfig _config;
    private readonly PageTree _tree;
    private readonly SiteModel _site;

    /// <summary>Creates a factory for one build.</summary>
    public PageModelFactory(SiteConfig config, PageTree tree)
    {
        _config = config;
        _tree = tree;
        var sections = (tree.Root?.Children ?? tree.Pages.Where(p => p.Parent is null && p.Url.Length > 0).ToList())
            .Select(p => (p.Title, p.Url)).ToList();
        _site = new SiteModel
        {
            Title = config.Title,
            Description = config.Description,
            Language = config.Language,
            BaseUrl = config.BaseUrl,
            Repository = config.Repository,
            Sections = sections,
        };
    }

    /// <summary>Site-wide data shared by every page.</summary>
    public SiteModel Site => _site;

    /// <summary>The model of one page.</summary>
    public PageModel Create(Page page, string? lastUpdated = null)
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
            CanonicalUrl = _config.BaseUrl + url,
            Kind = page.Kind,
            Section = page.Section,
            Breadcrumbs = page.Ancestors.Select(Link).ToList(),
            Toc = page.Headings.Where(h => h.Level is >= 2 and <= 3 && h.Id.Length > 0)
                .Select(h => new TocEntry(h.Level, h.Id, h.Text)).ToList(),
            Children = page.FrontMatter.HideChildren ? [] : page.Children.Select(Link).ToList(),
            Sidebar = Sidebar(page),
            Sources = page.FrontMatter.Sources.Select(s => new NavLink(s.Title, SourceHref(s.Url))).ToList(),
            Labels = page.FrontMatter.Labels,
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

    /// <summary>The sidebar of a page: its section's tree with only the branch down to the page open.</summary>
    public NavNode? Sidebar(Page page)
    {
        var sectionRoot = page.Ancestors.Skip(1).FirstOrDefault() ?? (page.Parent is null ? null : page);
        if (page.Kind == PageKind.Home || sectionRoot is null) return null;
        var open = new HashSet<Page>(page.Ancestors) { page };
        NavNode Node(Page p) => new(
            p.Title, Permalinks.Relative(page.Url, p.Url), p == page, open.Contains(p), p.Children.Count > 0,
            open.Contains(p) ? p.Children.Select(Node).ToList() : []);
        return Node(sectionRoot);
    }

    private string SourceHref(string url) =>
        url == "seed" && _config.Repository is { } repo ? $"{repo}/tree/{_config.Branch}/seeds" : url;

    private IReadOnlyList<FieldValue> Fields(Page page)
    {
        if (_config.Section(page.Section)?.Schema is not { } schema || page.Kind != PageKind.Entry) return [];
        var list = new List<FieldValue>();
        foreach (var field in schema.Fields)
        {
            if (!page.FrontMatter.Extra.TryGetValue(field.Name, out var node)) continue;
            var values = node switch
            {
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
                YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value],
                _ => new List<string>(),
            };
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
