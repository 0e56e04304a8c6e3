namespace SiteBuilder.Content;

/// <summary>
/// A generated index page of a section (<c>index_by:</c> in <c>site.yml</c>): the section's entries
/// grouped by the values of one schema field, at <c>SECTION/SLUG/</c>.
/// </summary>
/// <param name="Field">Schema field to group by, e.g. <c>countries</c>.</param>
/// <param name="Slug">URL segment, e.g. <c>by-country</c>.</param>
/// <param name="Title">Page title, e.g. "Entries by country".</param>
public sealed record SectionIndex(string Field, string Slug, string Title);
