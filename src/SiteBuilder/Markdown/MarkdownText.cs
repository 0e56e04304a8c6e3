using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Content;

namespace SiteBuilder.Markdown;

/// <summary>Reads headings and their text out of a parsed Markdown document.</summary>
public static class MarkdownText
{
    /// <summary>A heading with the id the auto-identifier extension gave it.</summary>
    public static Heading Heading(HeadingBlock h) => new(h.Level, h.GetAttributes().Id ?? "", InlineText(h.Inline), h.Line + 1);

    /// <summary>The text of an inline container, without markup.</summary>
    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        AppendInline(sb, inline);
        return sb.ToString().Trim();
    }

    // Recursive, as deep as the inlines nest: ParsePages reads no tree deeper than MarkdownNesting.MaxDepth.
    private static void AppendInline(StringBuilder sb, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline lit: sb.Append(lit.Content.AsSpan()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case ContainerInline container:
                foreach (var child in container) AppendInline(sb, child);
                break;
        }
    }
}
