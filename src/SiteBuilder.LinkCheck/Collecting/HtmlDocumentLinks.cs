namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>What the collector keeps of one HTML file: its links in document order and its anchors.</summary>
/// <param name="Path">Path relative to the site root, with <c>/</c>.</param>
/// <param name="Links">Links in document order.</param>
/// <param name="Anchors">Every <c>id</c> and <c>a[name]</c> value, for fragment checks.</param>
public sealed record HtmlDocumentLinks(string Path, IReadOnlyList<HtmlLink> Links, IReadOnlySet<string> Anchors);
