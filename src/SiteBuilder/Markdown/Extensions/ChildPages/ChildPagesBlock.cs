using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>
/// A <c>{{children}}</c> line: the list of the page's child pages, placed where the author wants it. The
/// renderer leaves a hole; the list is written once the page tree is known (<see cref="ChildPagesRenderer.ListHtml"/>).
/// </summary>
public sealed class ChildPagesBlock : LeafBlock
{
    /// <summary>Creates the block.</summary>
    public ChildPagesBlock(BlockParser parser) : base(parser) { }
}
