using SiteBuilder.Diagnostics;

namespace SiteBuilder.Content;

/// <summary>A source a page draws facts from, rendered in the page's "Sources" list.</summary>
/// <param name="Title">What the source is.</param>
/// <param name="Url">Where it is: a web address, or a file of the repository (<c>seed</c>: the one document in <c>seeds/</c>).</param>
public sealed record SourceReference(string Title, string Url)
{
    /// <summary>Where the URL was written, for diagnostics.</summary>
    public SourceLocation Location { get; init; } = new("", 1, 1);

    /// <summary>The repository file this source names, published at the same path in the site; null for a web address.</summary>
    public string? Document { get; init; }
}
