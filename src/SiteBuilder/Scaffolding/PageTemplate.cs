using System.Globalization;
using System.Text;
using SiteBuilder.Content;

namespace SiteBuilder.Scaffolding;

/// <summary>
/// The text of a page that <c>sitebuilder new</c> starts: front matter with the title, and TODO notes saying what to
/// write. An entry of a section with a schema (DIMiS) gets every field of the schema with a placeholder the schema
/// accepts, so the new page builds as it is.
/// </summary>
public static class PageTemplate
{
    /// <summary>
    /// The page titled <paramref name="title"/> with slug <paramref name="slug"/> in a section with
    /// <paramref name="schema"/> (or none); <c>Entry</c> is true when the page is one of the section's entries.
    /// Dates and the year placeholder are <paramref name="today"/>'s.
    /// </summary>
    public static (string Text, bool Entry) For(string title, SectionSchema? schema, string slug, DateOnly today) =>
        schema is not null && !schema.Exempt.Contains(slug) ? (Entry(title, schema, today), true) : (Page(title), false);

    private static string Quote(string value) =>
        "\"" + value.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Page(string title) => $"""
        ---
        title: {Quote(title)}
        description: "TODO: one sentence saying what this page covers."
        # Each fact needs a source:
        # sources:
        #   - title: "Name of the document or page"
        #     url: https://example.org/the-document
        ---
        > [!NOTE]
        > TODO: this page was created by `sitebuilder new`. Write its content, fill in the description and sources, and remove this note.

        ## TODO: first heading

        """;

    /// <summary>Front matter with every schema field, each with a value the schema accepts.</summary>
    private static string Entry(string title, SectionSchema schema, DateOnly today)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quote(title)).Append('\n');
        text.Append("description: \"TODO: one sentence saying who measured what, with which data.\"\n");
        foreach (var field in schema.Fields)
        {
            var (value, hint) = Placeholder(field, today);
            text.Append(field.Name).Append(": ").Append(value);
            if (hint.Length > 0) text.Append("  # ").Append(hint);
            text.Append('\n');
        }
        text.Append("# Each fact needs a source:\n# sources:\n#   - title: \"Name of the document or page\"\n#     url: https://example.org/the-document\n");
        text.Append("---\n");
        text.Append("> [!WARNING]\n> TODO: this entry was created by `sitebuilder new` with placeholder values. Replace every TODO and check each field against its allowed values in site.yml, then remove this note.\n\n");
        text.Append("TODO: what was measured, by whom, with which data source.\n\n## Publication\n\nTODO\n");
        return text.ToString();
    }

    private static (string Value, string Hint) Placeholder(SchemaField field, DateOnly today)
    {
        string allowed = field.Values.Count > 0 ? "one of: " + string.Join(", ", field.Values) : "";
        switch (field.Type)
        {
            case SchemaFieldType.Int:
                int year = Math.Clamp(today.Year, field.Min ?? int.MinValue, field.Max ?? int.MaxValue);
                return (year.ToString(CultureInfo.InvariantCulture), "TODO: check");
            case SchemaFieldType.Bool:
                return ("false", "TODO: true or false");
            case SchemaFieldType.Date:
                return (today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date of your review");
            case SchemaFieldType.List:
                if (field.Format == "iso3166-alpha3")
                    return ($"[{field.ExtraValues.FirstOrDefault() ?? "TODO"}]", "TODO: ISO 3166-1 alpha-3 codes, e.g. [EST, FIN]");
                if (field.Values.Count > 0) return ($"[{field.Values[0]}]", "TODO: " + allowed);
                return (field.Required ? "[\"TODO\"]" : "[]", "TODO");
            default:
                if (field.Values.Count > 0)
                {
                    // An unconfirmed entry must never claim to be verified.
                    string value = field.Values.Contains("unverified") ? "unverified" : field.Values[0];
                    return (value, "TODO: " + allowed);
                }
                return (field.Required ? "\"TODO\"" : "\"\"", field.Required ? "TODO" : "optional");
        }
    }
}
