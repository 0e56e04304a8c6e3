namespace SiteBuilder.Content;

/// <summary>The value type a section schema field accepts.</summary>
public enum SchemaFieldType
{
    /// <summary>A single string.</summary>
    String,
    /// <summary>A list of strings (a single string is accepted as a one-item list).</summary>
    List,
    /// <summary>An integer.</summary>
    Int,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>An ISO 8601 date, <c>YYYY-MM-DD</c>.</summary>
    Date,
}

/// <summary>One field of a section's front-matter schema, declared in <c>site.yml</c>.</summary>
/// <param name="Name">Front-matter key.</param>
/// <param name="Type">Value type.</param>
/// <param name="Required">Whether every entry must have it.</param>
/// <param name="Values">Controlled list of allowed values (empty: any).</param>
/// <param name="Format">A named format, e.g. <c>iso3166-alpha3</c>.</param>
/// <param name="ExtraValues">Values allowed besides the format (e.g. <c>WORLD</c>).</param>
/// <param name="Min">Smallest allowed integer.</param>
/// <param name="Max">Largest allowed integer.</param>
public sealed record SchemaField(
    string Name,
    SchemaFieldType Type,
    bool Required,
    IReadOnlyList<string> Values,
    string? Format,
    IReadOnlyList<string> ExtraValues,
    int? Min,
    int? Max);
