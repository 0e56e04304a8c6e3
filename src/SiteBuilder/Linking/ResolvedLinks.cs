namespace SiteBuilder.Linking;

/// <summary>
/// What link resolution made of a page's links (<see cref="Markdown.Body.MarkdownBody.Links"/>), by index: the href
/// each one writes (unescaped; a broken link keeps what was written, a broken wiki link writes an empty href), and
/// the label each wiki link without one shows.
/// </summary>
/// <param name="Hrefs">The href of each link.</param>
/// <param name="Labels">The label of each wiki link; null for other links.</param>
public sealed record ResolvedLinks(string[] Hrefs, string?[] Labels);
