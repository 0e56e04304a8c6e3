namespace SiteBuilder.Content;

/// <summary>
/// The structured front matter that the entry pages of a section must carry (e.g. DIMiS entries).
/// Declared per section in <c>site.yml</c>, so other sites can describe other kinds of entries.
/// </summary>
/// <param name="Fields">Fields in declaration order.</param>
/// <param name="Exempt">Page slugs of the section that are not entries (e.g. <c>about</c>).</param>
public sealed record SectionSchema(IReadOnlyList<SchemaField> Fields, IReadOnlySet<string> Exempt)
{
    /// <summary>Looks up a field by name.</summary>
    public SchemaField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
