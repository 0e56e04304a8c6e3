namespace SiteBuilder.Layouts;

/// <summary>A structured front-matter field of an entry page, ready to display.</summary>
/// <param name="Name">Field key, e.g. <c>data_source_type</c>.</param>
/// <param name="Label">Human label, e.g. "Data source type".</param>
/// <param name="Values">One or more display values.</param>
public sealed record FieldValue(string Name, string Label, IReadOnlyList<string> Values)
{
    /// <summary>The values joined with commas.</summary>
    public string Text => string.Join(", ", Values);
}
