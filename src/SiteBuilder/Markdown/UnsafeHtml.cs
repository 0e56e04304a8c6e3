using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Diagnostics;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Markdown;

/// <summary>
/// The unsafe-HTML policy: what a page may not publish unless <c>site.yml</c> sets <c>unsafe_html: true</c>. Raw HTML
/// passes through Markdown as it is, so a pull request could otherwise put script on every reader's screen. Refused
/// (SB0131, at the element, attribute or link): elements that run script, load other documents or change the page
/// around them (<see cref="Elements"/>), event-handler attributes (<c>on…</c>), <c>srcdoc</c>, and <c>javascript:</c>,
/// <c>vbscript:</c> or <c>data:</c> URLs (images may use <c>data:image/…</c> other than SVG) in raw HTML, Markdown links
/// and images, autolinks and <c>{…}</c> attributes. Raw HTML is read with a real HTML parser (AngleSharp), as a
/// browser reads it, not matched with patterns.
/// </summary>
public static class UnsafeHtml
{
    /// <summary>Elements refused: they run script, embed or load other documents, submit data, or restyle or redirect the page.</summary>
    public static readonly IReadOnlySet<string> Elements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "form",
    };

    private static readonly IReadOnlySet<string> UrlAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "xlink:href", "srcset", "ping",
    };

    /// <summary>
    /// Reports every refused construct of <paramref name="document"/> and <paramref name="links"/> (its links as the body
    /// builder collected them) as SB0131 at its position in <paramref name="path"/>.
    /// </summary>
    public static void Check(string path, string text, LineIndex lines, MarkdownDocument document, IReadOnlyList<MarkdownLink> links, DiagnosticBag diagnostics)
    {
        foreach (var link in links)
        {
            if (link.Kind is MarkdownLinkKind.WikiLink || UnsafeUrl(link.Url, link.Kind == MarkdownLinkKind.Image) is not { } scheme) continue;
            Report(diagnostics, path, link.Line, link.Column,
                $"{(link.Kind == MarkdownLinkKind.Image ? "an image" : "a link")} to a '{scheme}' URL can run script");
        }
        // Raw HTML needs a '<', and attributes a '{': most pages have neither, and are not walked again.
        if (text.AsSpan().IndexOfAny('<', '{') < 0) return;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    CheckBlock(path, block, lines, diagnostics);
                    break;
                case HtmlInline inline:
                    CheckHtml(inline.Tag, diagnostics, path, (_, _) => lines.At(Math.Max(0, inline.Span.Start)));
                    break;
            }
            if (node.TryGetAttributes() is { Properties: { } properties })
                foreach (var (name, value) in properties)
                    if (UnsafeAttribute(name, value, isImage: node is LinkInline { IsImage: true }) is { } why)
                    {
                        var (line, column) = lines.At(Math.Max(0, node.Span.Start));
                        Report(diagnostics, path, line, column, $"the attribute '{name}' {why}");
                    }
        }
    }

    private static void CheckBlock(string path, HtmlBlock block, LineIndex source, DiagnosticBag diagnostics)
    {
        var lines = block.Lines;
        var text = lines.ToString();
        CheckHtml(text, diagnostics, path, (line, column) =>
        {
            // AngleSharp counts lines of the block's own text; each line of it starts at an offset of the page (after
            // any block quote or list marker), and positions come from offsets: Markdig's columns count tabs to
            // their tab stop.
            int index = Math.Clamp(line - 1, 0, lines.Count - 1);
            var at = lines.Lines[index];
            return source.At(Math.Max(0, at.Slice.Start) + column - 1);
        });
    }

    private static void CheckHtml(string html, DiagnosticBag diagnostics, string path, Func<int, int, (int Line, int Column)> position)
    {
        if (html.StartsWith("</", StringComparison.Ordinal) || html.StartsWith("<!--", StringComparison.Ordinal)) return;
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        // Parsed where the browser meets it: inside the page's body.
        var body = parser.ParseDocument("").Body!;
        var fragment = parser.ParseFragment(html, body);
        foreach (var element in fragment.OfType<IElement>().SelectMany(e => e.QuerySelectorAll("*").Prepend(e)))
        {
            var (line, column) = element.SourceReference is { } source ? position(source.Position.Line, source.Position.Column) : position(1, 1);
            string name = element.LocalName;
            if (Elements.Contains(name))
            {
                Report(diagnostics, path, line, column, $"raw HTML <{name}> {ElementReason(name)}");
                continue;
            }
            foreach (var attribute in element.Attributes)
                if (UnsafeAttribute(attribute.Name, attribute.Value, isImage: name == "img") is { } why)
                    Report(diagnostics, path, line, column, $"raw HTML <{name} {attribute.Name}=…> {why}");
        }
    }

    private static string ElementReason(string element) => element switch
    {
        "script" => "runs script",
        "style" or "link" => "restyles the whole page",
        "meta" or "base" => "redirects the page or its links",
        "form" => "submits what readers type to another address",
        _ => "embeds another document, which can run script",
    };

    private static string? UnsafeAttribute(string name, string? value, bool isImage)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return "is an event handler: it runs script";
        if (name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase)) return "embeds a document, which can run script";
        if (UrlAttributes.Contains(name) && UnsafeUrl(value ?? "", isImage) is { } scheme) return $"is a '{scheme}' URL, which can run script";
        return null;
    }

    /// <summary>The scheme of <paramref name="url"/> when it can run script (read as a browser reads it: spaces and control characters dropped, any case); else null.</summary>
    public static string? UnsafeUrl(string url, bool isImage)
    {
        Span<char> buffer = stackalloc char[16];
        int n = 0;
        foreach (char c in url)
        {
            if (c <= ' ') continue;
            if (n == buffer.Length) break;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        var start = buffer[..n];
        if (start.StartsWith("javascript:")) return "javascript:";
        if (start.StartsWith("vbscript:")) return "vbscript:";
        if (!start.StartsWith("data:")) return null;
        // An image may be data, but not SVG, which can hold script when opened on its own.
        if (isImage && start.StartsWith("data:image/") && !start.StartsWith("data:image/svg")) return null;
        return "data:";
    }

    private static void Report(DiagnosticBag diagnostics, string path, int line, int column, string what) =>
        diagnostics.Error(DiagnosticCodes.UnsafeHtml, new SourceLocation(path, line, column),
            $"{what}; SiteBuilder does not publish it unless site.yml sets 'unsafe_html: true'");
}
