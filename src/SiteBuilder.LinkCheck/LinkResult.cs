using SiteBuilder.Diagnostics;

namespace SiteBuilder.LinkCheck;

/// <summary>The verdict on one link occurrence: one per link element of each HTML file.</summary>
/// <param name="Url">For external links the absolute URL as written; for internal links the href as written.</param>
/// <param name="Kind">Internal or external.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Code">The final HTTP status code, when a response was received.</param>
/// <param name="Source">Where the link is written: the Markdown source when the source map knows it, else the HTML file.</param>
/// <param name="Html">Where the link is in the built HTML file (path relative to the source root).</param>
/// <param name="Page">The HTML file, relative to the site root with <c>/</c>.</param>
/// <param name="PageSource">The Markdown source of that page per the source map, or null.</param>
/// <param name="Message">Why the link is not ok, in a few words, or null.</param>
/// <param name="RedirectedTo">For <see cref="LinkStatus.Redirected"/>, the URL the link now lands on.</param>
public sealed record LinkResult(
    string Url,
    LinkKind Kind,
    LinkStatus Status,
    int? Code,
    SourceLocation Source,
    SourceLocation Html,
    string Page,
    string? PageSource,
    string? Message,
    string? RedirectedTo = null)
{
    /// <summary>The host of an external URL (lower case), or null for internal links.</summary>
    public string? Host => Kind == LinkKind.External && Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Host.ToLowerInvariant() : null;
}
