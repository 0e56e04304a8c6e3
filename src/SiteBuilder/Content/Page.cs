using SiteBuilder.Linking;
using SiteBuilder.Markdown.Body;
using SiteBuilder.Markdown.Extensions.ChildPages;

namespace SiteBuilder.Content;

/// <summary>
/// One page of the site. Build steps fill it in order: discovery sets the paths, parsing the front
/// matter and the rendered body (with holes for links), assembly the tree links, link resolution the hrefs
/// that fill the holes. A step only reads what earlier steps wrote.
/// </summary>
public sealed class Page
{
    /// <summary>Creates a page for a file under <c>pages/</c>.</summary>
    /// <param name="relativePath">Path under <c>pages/</c>, with <c>/</c>.</param>
    public Page(string relativePath)
    {
        RelativePath = relativePath;
        SourcePath = "pages/" + relativePath;
        Url = Permalinks.FromRelativePath(relativePath);
        int slash = relativePath.IndexOf('/');
        Section = slash < 0 ? "" : relativePath[..slash];
        IsIndex = relativePath == "index.md" || relativePath.EndsWith("/index.md", StringComparison.Ordinal);
    }

    /// <summary>Repository-relative source path, e.g. <c>pages/dimis/about.md</c>.</summary>
    public string SourcePath { get; init; }
    /// <summary>Path under <c>pages/</c>, e.g. <c>dimis/about.md</c>.</summary>
    public string RelativePath { get; }
    /// <summary>Site-relative URL, e.g. <c>dimis/about/</c>; the home page is empty.</summary>
    public string Url { get; init; }
    /// <summary>Output file relative to the site root.</summary>
    public string OutputPath => Permalinks.OutputPath(Url);
    /// <summary>Top-level section folder; empty for the home page.</summary>
    public string Section { get; init; }
    /// <summary>True for a folder's <c>index.md</c>.</summary>
    public bool IsIndex { get; init; }
    /// <summary>The last URL segment, e.g. <c>about</c>.</summary>
    public string Slug
    {
        get
        {
            string path = Url.TrimEnd('/');
            return path[(path.LastIndexOf('/') + 1)..];
        }
    }

    /// <summary>The front-matter block as written (with its fences; empty when the page has none).</summary>
    public string FrontMatterSource { get; set; } = "";
    /// <summary>Parsed front matter.</summary>
    public FrontMatter FrontMatter { get; set; } = new();
    /// <summary>Convenience: the title.</summary>
    public string Title => FrontMatter.Title;
    /// <summary>Home, section, page, entry or generated.</summary>
    public PageKind Kind { get; set; } = PageKind.Page;
    /// <summary>The layout this page renders through.</summary>
    public string Layout { get; set; } = "page";
    /// <summary>What parsing kept of the Markdown (null for generated pages and unreadable files).</summary>
    public MarkdownBody? Body { get; set; }
    /// <summary>The resolved links of <see cref="Body"/> (ResolveLinks); null before.</summary>
    public ResolvedLinks? Resolved { get; set; }

    /// <summary>Parent in the page tree (null for the home page).</summary>
    public Page? Parent { get; set; }
    /// <summary>Children ordered by weight, then title.</summary>
    public List<Page> Children { get; } = [];
    /// <summary>Ancestors from the home page down to the parent.</summary>
    public IEnumerable<Page> Ancestors
    {
        get
        {
            var list = new List<Page>();
            for (var p = Parent; p is not null; p = p.Parent) list.Add(p);
            list.Reverse();
            return list;
        }
    }

    private string? _contentHtml;
    private string? _plainText;

    /// <summary>
    /// Body HTML without the layout: set for generated pages; for Markdown pages, the body with its holes filled
    /// (resolved hrefs, wiki-link labels, the child list), made anew on each read rather than kept.
    /// </summary>
    public string ContentHtml
    {
        get => _contentHtml ?? Body?.Html.Fill(hole => hole.Kind switch
        {
            HoleKind.Href => HtmlEscaping.Url(HrefOf(hole.Link)),
            HoleKind.Label => HtmlEscaping.Text(LabelOf(hole.Link)),
            _ => ChildPagesRenderer.ListHtml(Children.Select(c => (c.Title, Permalinks.Relative(Url, c.Url), c.FrontMatter.Description))),
        }) ?? "";
        set => _contentHtml = value;
    }

    private IReadOnlyList<Heading> _headings = [];

    /// <summary>Headings in document order: the body's for Markdown pages; set for generated pages.</summary>
    public IReadOnlyList<Heading> Headings
    {
        get => Body?.Headings ?? _headings;
        set => _headings = value;
    }
    /// <summary>Plain text of the body, for search and excerpts (made anew on each read for Markdown pages).</summary>
    public string PlainText
    {
        get => _plainText ?? (Body is { } body ? FillPlainText(body, Resolved) : "");
        set => _plainText = value;
    }

    /// <summary>
    /// Makes the page's plain text as it is now when called later, even if the page has changed since (the preview
    /// server builds its search index in the background while edits go on). The text itself is made only when called.
    /// </summary>
    public Func<string> PlainTextSnapshot()
    {
        if (_plainText is not null || Body is null)
        {
            string text = PlainText;
            return () => text;
        }
        // Bodies and resolved links are never changed once made; a new parse or resolution makes new ones.
        var (body, resolved) = (Body, Resolved);
        return () => FillPlainText(body, resolved);
    }

    private static string FillPlainText(MarkdownBody body, ResolvedLinks? resolved) =>
        body.PlainText.Fill(hole => resolved?.Labels[hole.Link] ?? body.Links[hole.Link].Text ?? "");

    /// <summary>Links the content wrote, with their Markdown positions (for the source map).</summary>
    public List<(string Href, int Line, int Column)> ContentLinks { get; } = [];
    /// <summary>Pages that link here, filled by link resolution.</summary>
    public SortedSet<string> BacklinkUrls { get; } = new(StringComparer.Ordinal);

    /// <summary>The href link <paramref name="index"/> of the body writes.</summary>
    private string HrefOf(int index) =>
        Resolved?.Hrefs[index] ?? (Body!.Links[index].Kind == MarkdownLinkKind.WikiLink ? "" : Body.Links[index].Url);

    private string LabelOf(int index) => Resolved?.Labels[index] ?? Body!.Links[index].Text ?? "";

    /// <inheritdoc/>
    public override string ToString() => SourcePath;
}
