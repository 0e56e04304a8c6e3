namespace SiteBuilder.Markdown.Body;

/// <summary>One link as the Markdown wrote it, in document order, with its 1-based position (its opening <c>[</c> or <c>&lt;</c>).</summary>
/// <param name="Kind">What kind of link.</param>
/// <param name="Url">The URL as written (for wiki links: empty; for e-mail autolinks: with <c>mailto:</c>).</param>
/// <param name="Line">1-based line in the page file.</param>
/// <param name="Column">1-based column in the page file.</param>
/// <param name="WikiTarget">For wiki links: the page part (title or path), possibly empty.</param>
/// <param name="WikiFragment">For wiki links: the heading part, or null.</param>
/// <param name="Label">For wiki links: the explicit label, or null when the link shows its target's title.</param>
/// <param name="Text">For wiki links: the text shown when the target cannot be resolved.</param>
public sealed record MarkdownLink(
    MarkdownLinkKind Kind,
    string Url,
    int Line,
    int Column,
    string? WikiTarget = null,
    string? WikiFragment = null,
    string? Label = null,
    string? Text = null)
{
    /// <summary>The wiki link as written between the brackets, for messages.</summary>
    public string WikiWritten => WikiTarget + (WikiFragment is null ? "" : "#" + WikiFragment);
}
