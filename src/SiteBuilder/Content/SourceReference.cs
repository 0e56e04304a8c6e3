namespace SiteBuilder.Content;

/// <summary>A source a page draws facts from, rendered in the page's "Sources" list.</summary>
/// <param name="Title">What the source is.</param>
/// <param name="Url">Where it is; the literal <c>seed</c> names the repository's seed document.</param>
public sealed record SourceReference(string Title, string Url);
