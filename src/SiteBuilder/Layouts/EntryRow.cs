namespace SiteBuilder.Layouts;

/// <summary>A row of an <see cref="EntryTable"/>: the entry and its display values per column.</summary>
/// <param name="Title">Entry title.</param>
/// <param name="Href">Relative href from the table's page.</param>
/// <param name="Cells">Per column, the display values (several for list fields).</param>
public sealed record EntryRow(string Title, string Href, IReadOnlyList<IReadOnlyList<string>> Cells);
