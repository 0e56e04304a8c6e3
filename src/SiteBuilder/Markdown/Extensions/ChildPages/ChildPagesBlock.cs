using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteBuilder.Markdown.Extensions.ChildPages;

/// <summary>
/// A <c>{{children}}</c> line: the list of the page's child pages, placed where the author wants it.
/// Link resolution fills <see cref="Items"/>; the renderer only writes them.
/// </summary>
public sealed class ChildPagesBlock : LeafBlock
{
    /// <summary>Creates the block.</summary>
    public ChildPagesBlock(BlockParser parser) : base(parser) { }

    /// <summary>The children to list: title, href relative to the page, optional description.</summary>
    public IReadOnlyList<(string Title, string Href, string? Description)> Items { get; set; } = [];
}
