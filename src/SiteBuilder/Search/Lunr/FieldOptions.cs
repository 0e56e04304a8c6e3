namespace SiteBuilder.Search.Lunr;

/// <summary>A field's attributes, as lunr's <c>builder.field(name, { boost, extractor })</c>.</summary>
/// <param name="Boost">Multiplies the field's scores; 0 means 1, as lunr's <c>boost || 1</c>.</param>
/// <param name="Extractor">Reads the field's value from a document; by default the document's property of that name.</param>
public sealed record FieldOptions(double Boost = 1, Func<IReadOnlyDictionary<string, object?>, object?>? Extractor = null);
