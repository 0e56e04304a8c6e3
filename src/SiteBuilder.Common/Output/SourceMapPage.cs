namespace SiteBuilder.Output;

/// <summary>One output HTML file in a <see cref="SourceMap"/>.</summary>
/// <param name="Source">The Markdown source, relative to the source root with <c>/</c> (e.g. <c>pages/dimis/index.md</c>).</param>
/// <param name="Links">
/// The hrefs the Markdown content wrote into the HTML file, exactly as written there, in document order.
/// Links from the layout (navigation, sidebar) are not listed.
/// </param>
public sealed record SourceMapPage(string Source, IReadOnlyList<SourceMapLink> Links);
