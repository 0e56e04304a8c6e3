using Markdig.Syntax.Inlines;

namespace SiteBuilder.Markdown.Extensions.WikiLinks;

/// <summary>
/// A wiki link <c>[[Target]]</c>, <c>[[Target|label]]</c> or <c>[[Target#Heading]]</c>. It is a
/// <see cref="LinkInline"/> whose <see cref="LinkInline.Url"/> stays empty: link resolution finds the target
/// page and fills the holes <see cref="WikiLinkRenderer"/> leaves.
/// </summary>
public sealed class WikiLinkInline : LinkInline
{
    /// <summary>Creates a wiki link as written.</summary>
    /// <param name="target">Page title or path under <c>pages/</c> (may be empty for a same-page <c>[[#Heading]]</c>).</param>
    /// <param name="fragment">Heading id or heading text after <c>#</c>, or null.</param>
    /// <param name="label">Explicit label after <c>|</c>, or null.</param>
    public WikiLinkInline(string target, string? fragment, string? label)
    {
        Target = target;
        Fragment = fragment;
        ExplicitLabel = label;
    }

    /// <summary>The page part: a title (case-insensitive) or a path under <c>pages/</c> without <c>.md</c>.</summary>
    public string Target { get; }
    /// <summary>The heading part, as written, or null.</summary>
    public string? Fragment { get; }
    /// <summary>The label after <c>|</c>, or null (the link then shows the target's title).</summary>
    public string? ExplicitLabel { get; }

    /// <summary>The link as written between the brackets, for messages.</summary>
    public string Written => Target + (Fragment is null ? "" : "#" + Fragment);
}
