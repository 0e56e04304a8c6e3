using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Markdown.Extensions.WikiLinks;

namespace SiteBuilder.Markdown.Body;

/// <summary>
/// The plain text of a Markdown tree, for search and excerpts: one line per leaf block, markup removed, front
/// matter left out; a wiki link without a label leaves a hole for its target's title.
/// </summary>
internal static class PlainTextBuilder
{
    // One buffer per thread, kept between pages (growing a new one page after page was a large share of the parse's garbage).
    [ThreadStatic] private static StringBuilder? _buffer;

    public static BodyTemplate Build(MarkdownDocument document, IReadOnlyDictionary<MarkdownObject, int> links)
    {
        var sb = _buffer ??= new StringBuilder(1 << 16);
        sb.Clear();
        var holes = new List<TemplateHole>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is YamlFrontMatterBlock) continue;
            if (leaf.Inline is not null) Append(sb, leaf.Inline, links, holes);
            else if (leaf is CodeBlock code) sb.Append(code.Lines.ToString());
            sb.Append('\n');
        }
        return BodyTemplate.Of(sb, holes);
    }

    // Recursive, as deep as the inlines nest: ParsePages renders no tree deeper than MarkdownNesting.MaxDepth.
    private static void Append(StringBuilder sb, Inline inline, IReadOnlyDictionary<MarkdownObject, int> links, List<TemplateHole> holes)
    {
        switch (inline)
        {
            case LiteralInline lit: sb.Append(lit.Content.AsSpan()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case WikiLinkInline { ExplicitLabel: null } wiki when links.TryGetValue(wiki, out int link):
                holes.Add(new TemplateHole(sb.Length, HoleKind.Label, link));
                break;
            case ContainerInline container:
                foreach (var child in container) Append(sb, child, links, holes);
                break;
        }
    }
}
