using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Linking;
using SiteBuilder.Markdown.Extensions.ChildPages;
using SiteBuilder.Markdown.Extensions.WikiLinks;

namespace SiteBuilder.Markdown.Body;

/// <summary>Turns a parsed Markdown tree into the <see cref="MarkdownBody"/> the build keeps. The tree is changed (its link URLs become sentinels) and is not used afterwards.</summary>
public static class MarkdownBodyBuilder
{
    // One renderer per thread and pipeline, set up once.
    [ThreadStatic] private static (MarkdownPipeline Pipeline, BodyHtmlRenderer Renderer)? _renderer;

    /// <summary>Collects the links, headings and ids of <paramref name="document"/> and renders its HTML and plain text with holes.</summary>
    public static MarkdownBody Build(MarkdownDocument document, MarkdownPipeline pipeline, LineIndex lines)
    {
        if (_renderer is not { } cached || cached.Pipeline != pipeline)
        {
            var created = new BodyHtmlRenderer();
            pipeline.Setup(created);
            _renderer = cached = (pipeline, created);
        }
        var renderer = cached.Renderer;
        renderer.Clear();
        var links = new List<MarkdownLink>();
        var nodes = new Dictionary<MarkdownObject, int>(ReferenceEqualityComparer.Instance);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<Content.Heading>();
        var replaced = new List<(AutolinkInline Autolink, LinkInline Link)>();
        bool childList = false;
        // One walk over the tree for links, ids and headings.
        foreach (var node in document.Descendants())
        {
            if (node.TryGetAttributes() is { Id: { Length: > 0 } id }) ids.Add(id);
            int index = links.Count;
            switch (node)
            {
                case ChildPagesBlock:
                    childList = true;
                    break;
                case HeadingBlock heading:
                    headings.Add(MarkdownText.Heading(heading));
                    break;
                case WikiLinkInline wiki:
                    var (wikiLine, wikiColumn) = lines.At(wiki.Span.Start);
                    links.Add(new MarkdownLink(MarkdownLinkKind.WikiLink, "", wikiLine, wikiColumn, wiki.Target, wiki.Fragment,
                        wiki.ExplicitLabel, wiki.ExplicitLabel ?? (wiki.Target.Length > 0 ? wiki.Target : wiki.Fragment)));
                    nodes.Add(wiki, index);
                    renderer.AddLink(wiki, index);
                    break;
                case LinkInline link:
                    string? url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                    if (string.IsNullOrEmpty(url)) break;
                    var (linkLine, linkColumn) = lines.At(link.Span.Start);
                    links.Add(new MarkdownLink(link.IsImage ? MarkdownLinkKind.Image : MarkdownLinkKind.Link, url, linkLine, linkColumn));
                    UseSentinel(renderer, link, index);
                    break;
                case AutolinkInline { IsEmail: false } auto when StatswikiUrl.IsStatswiki(auto.Url):
                    var (autoLine, autoColumn) = lines.At(auto.Span.Start);
                    links.Add(new MarkdownLink(MarkdownLinkKind.StatswikiAutolink, auto.Url, autoLine, autoColumn));
                    // Rendered as a link whose text is the address, so the href can point at the mirror.
                    var replacement = new LinkInline("", "") { Span = auto.Span, Line = auto.Line, Column = auto.Column, IsClosed = true };
                    replacement.AppendChild(new LiteralInline(auto.Url) { Span = auto.Span, Line = auto.Line, Column = auto.Column });
                    replaced.Add((auto, replacement));
                    UseSentinel(renderer, replacement, index);
                    break;
                case AutolinkInline auto:
                    var (at, column) = lines.At(auto.Span.Start);
                    links.Add(new MarkdownLink(MarkdownLinkKind.Autolink, auto.IsEmail ? "mailto:" + auto.Url : auto.Url, at, column));
                    break;
            }
        }
        // After the walk: the tree must not change under it.
        foreach (var (autolink, link) in replaced) autolink.ReplaceBy(link);
        var plain = PlainTextBuilder.Build(document, nodes);
        renderer.Render(document);
        return new MarkdownBody(renderer.ToTemplate(), plain, links, headings, ids, childList);
    }

    private static void UseSentinel(BodyHtmlRenderer renderer, LinkInline link, int index)
    {
        // A new string instance: the renderer knows it by reference, so no URL an author writes can match it.
        string sentinel = new($"sitebuilder-link-{index}".AsSpan());
        link.Url = sentinel;
        link.GetDynamicUrl = null;
        renderer.AddSentinel(sentinel, index);
    }
}
