namespace SiteBuilder.Layouts;

/// <summary>An entry of the in-page table of contents.</summary>
/// <param name="Level">Heading level (2–4).</param>
/// <param name="Id">Fragment id.</param>
/// <param name="Text">Heading text.</param>
public sealed record TocEntry(int Level, string Id, string Text);
