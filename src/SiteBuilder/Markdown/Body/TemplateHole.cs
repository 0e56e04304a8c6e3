namespace SiteBuilder.Markdown.Body;

/// <summary>A place in a <see cref="BodyTemplate"/> that is filled after link resolution.</summary>
/// <param name="Offset">Character offset in the template text where the value goes.</param>
/// <param name="Kind">What goes there.</param>
/// <param name="Link">Index of the link in <see cref="MarkdownBody.Links"/> (unused for <see cref="HoleKind.ChildList"/>).</param>
public readonly record struct TemplateHole(int Offset, HoleKind Kind, int Link);
