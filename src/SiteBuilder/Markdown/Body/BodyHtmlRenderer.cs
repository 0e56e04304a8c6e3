using Markdig.Renderers;
using Markdig.Syntax;

namespace SiteBuilder.Markdown.Body;

/// <summary>
/// Markdig's HTML renderer, writing into a string, that leaves holes where resolved links go. A link's URL is
/// replaced before rendering by a sentinel string instance; Markdig hands every URL it writes to
/// <see cref="HtmlRenderer.LinkRewriter"/> first, and that is where a sentinel (recognised by reference, so no
/// author text can ever be taken for one) becomes a hole at the current position. Wiki links and
/// <c>{{children}}</c> lines record their holes through <see cref="TryRecord"/>.
/// </summary>
public sealed class BodyHtmlRenderer : HtmlRenderer
{
    private readonly StringWriter _writer;
    private readonly Dictionary<string, int> _sentinels = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MarkdownObject, int> _links = new(ReferenceEqualityComparer.Instance);
    private readonly List<TemplateHole> _holes = [];

    /// <summary>Creates a renderer writing into its own buffer.</summary>
    public BodyHtmlRenderer() : this(new StringWriter()) { }

    private BodyHtmlRenderer(StringWriter writer) : base(writer)
    {
        _writer = writer;
        LinkRewriter = Rewrite;
    }

    /// <summary>Makes <paramref name="sentinel"/> stand for link <paramref name="link"/> wherever Markdig writes it as a URL.</summary>
    public void AddSentinel(string sentinel, int link) => _sentinels.Add(sentinel, link);

    /// <summary>Declares that <paramref name="node"/> (a wiki link) is link <paramref name="link"/>.</summary>
    public void AddLink(MarkdownObject node, int link) => _links.Add(node, link);

    /// <summary>Records a hole of <paramref name="kind"/> for <paramref name="node"/> here; false when the node is not a known link.</summary>
    public bool TryRecord(MarkdownObject node, HoleKind kind)
    {
        if (!_links.TryGetValue(node, out int link)) return false;
        Record(kind, link);
        return true;
    }

    /// <summary>Records a hole at the current position.</summary>
    public void Record(HoleKind kind, int link) => _holes.Add(new TemplateHole(Position, kind, link));

    /// <summary>Empties the renderer for the next document (setting up a renderer costs more than rendering a small page).</summary>
    public void Clear()
    {
        Reset();
        _sentinels.Clear();
        _links.Clear();
        _holes.Clear();
    }

    /// <summary>The template rendered so far.</summary>
    public BodyTemplate ToTemplate() => BodyTemplate.Of(_writer.GetStringBuilder(), _holes.ToList());

    private int Position => _writer.GetStringBuilder().Length;

    private string Rewrite(string url)
    {
        if (!_sentinels.TryGetValue(url, out int link)) return url;
        Record(HoleKind.Href, link);
        return "";
    }
}
