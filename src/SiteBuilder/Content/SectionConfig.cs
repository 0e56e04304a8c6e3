namespace SiteBuilder.Content;

/// <summary>Settings of one top-level section (the first folder under <c>pages/</c>).</summary>
/// <param name="Key">Folder name, e.g. <c>dimis</c>.</param>
/// <param name="Title">Display title; the section page's own title wins where it has one.</param>
/// <param name="StatswikiSpace">The Confluence space key this section mirrors, e.g. <c>DIMiS</c>.</param>
/// <param name="Layout">Default layout of the section's non-index pages.</param>
/// <param name="Schema">Structured front matter required of the section's entry pages.</param>
public sealed record SectionConfig(string Key, string? Title, string? StatswikiSpace, string? Layout, SectionSchema? Schema)
{
    /// <summary>Schema fields shown as columns of the entry table on the section's home (<c>table:</c>); empty for no table.</summary>
    public IReadOnlyList<string> Table { get; init; } = [];
    /// <summary>Generated index pages grouping the entries by a field (<c>index_by:</c>).</summary>
    public IReadOnlyList<SectionIndex> IndexBy { get; init; } = [];
}
