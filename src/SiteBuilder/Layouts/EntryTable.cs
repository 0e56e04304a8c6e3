namespace SiteBuilder.Layouts;

/// <summary>
/// The table of a section's entries shown on the section's home (<c>table:</c> in <c>site.yml</c>):
/// one row per entry, one column per listed schema field, after the entry title.
/// </summary>
/// <param name="Caption">Table caption.</param>
/// <param name="Columns">Field columns in <c>table:</c> order (the title column is implicit).</param>
/// <param name="Rows">One row per entry, ordered by title.</param>
public sealed record EntryTable(string Caption, IReadOnlyList<EntryColumn> Columns, IReadOnlyList<EntryRow> Rows);
