namespace SiteBuilder.Output;

/// <summary>One link written by Markdown content, at its Markdown position.</summary>
/// <param name="Href">The href (or src) exactly as written in the HTML file.</param>
/// <param name="Line">1-based Markdown line of the link's opening <c>[</c> (or <c>&lt;</c> of an autolink).</param>
/// <param name="Column">1-based Markdown column of that character.</param>
public sealed record SourceMapLink(string Href, int Line, int Column);
