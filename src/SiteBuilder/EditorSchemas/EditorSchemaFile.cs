namespace SiteBuilder.EditorSchemas;

/// <summary>One JSON Schema file for editors.</summary>
/// <param name="FileName">File name inside the schema folder, e.g. <c>site.schema.json</c>.</param>
/// <param name="Json">The schema, indented, ending with a newline.</param>
/// <param name="Describes">What it validates, for people: e.g. <c>site.yml</c> or <c>pages/dimis/*.md (entries)</c>.</param>
public sealed record EditorSchemaFile(string FileName, string Json, string Describes);
