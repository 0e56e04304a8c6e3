namespace SiteBuilder.Layouts;

/// <summary>A field column of an <see cref="EntryTable"/>.</summary>
/// <param name="Name">Schema field, e.g. <c>data_source_type</c>.</param>
/// <param name="Label">Header text, e.g. "Data source type".</param>
/// <param name="Numeric">True for integer fields (sorted as numbers).</param>
/// <param name="Options">Distinct display values, sorted, for a filter list.</param>
public sealed record EntryColumn(string Name, string Label, bool Numeric, IReadOnlyList<string> Options);
