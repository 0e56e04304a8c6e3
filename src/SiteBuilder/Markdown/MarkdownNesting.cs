using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Markdown.Body;
using SiteBuilder.Markdown.Extensions.NestingLimit;

namespace SiteBuilder.Markdown;

/// <summary>How deep a parsed Markdown tree nests, found without recursion (the tree may be nested millions deep).</summary>
public static class MarkdownNesting
{
    /// <summary>
    /// The deepest nesting a page may have: containers inside each other (block quotes, list items, table cells,
    /// emphasis, links). Markdig's renderer counts the document and each paragraph's text as levels too, and throws past
    /// 128: the margin keeps what an extension adds on top from reaching it.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Where <paramref name="document"/> (parsed with <paramref name="context"/> from the text <paramref name="lines"/>
    /// indexes) first nests deeper than <see cref="MaxDepth"/>, as a 1-based line and column; null when it never does.
    /// The place comes from the source offset: Markdig's own columns count tabs to their tab stop.
    /// </summary>
    public static (int Line, int Column)? TooDeepAt(MarkdownDocument document, MarkdownParserContext context, LineIndex lines)
    {
        int? element = FirstTooDeep(document) is { } deep ? Math.Max(0, deep.Span.Start) : null;
        int? delimiter = NestingGuardInlineParser.TooDeepAt(context);
        int? first = (element, delimiter) switch
        {
            ({ } e, { } d) => Math.Min(e, d),
            _ => element ?? delimiter,
        };
        return first is { } offset ? lines.At(offset) : null;
    }

    /// <summary>
    /// The first container (block quote, list, list item, table cell, emphasis, link…), in document order, nested
    /// deeper than <see cref="MaxDepth"/>; null when none is. A paragraph's text is not a level of its own.
    /// </summary>
    public static MarkdownObject? FirstTooDeep(MarkdownDocument document)
    {
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        Push(stack, document, 0);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth && node is ContainerBlock or ContainerInline) return node;
            Push(stack, node, depth);
        }
        return null;
    }

    // Children go on the stack last first, so they come off in document order. Only what can hold a container is
    // pushed: text, code and other leaves (most of a page) can never be too deep themselves.
    private static void Push(Stack<(MarkdownObject, int)> stack, MarkdownObject node, int depth)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (int i = container.Count - 1; i >= 0; i--)
                    if (container[i] is ContainerBlock or LeafBlock { Inline: not null }) stack.Push((container[i], depth + 1));
                break;
            case LeafBlock { Inline: { } inline }:
                // A paragraph is no container, and its inline root is its own text: neither is a level.
                for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
                    if (child is ContainerInline) stack.Push((child, depth));
                break;
            case ContainerInline container:
                for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    if (child is ContainerInline) stack.Push((child, depth + 1));
                break;
        }
    }
}
