using System.Globalization;
using SiteBuilder.Content;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Layouts;

/// <summary>
/// How schema field values read on pages: controlled-list values
/// (<c>social-media-advertising</c>) as words ("Social media advertising"), free text as written.
/// </summary>
public static class FieldDisplay
{
    /// <summary>The values of a field on a page (a list, or a single value as a one-item list).</summary>
    public static IReadOnlyList<string> RawValues(Page page, string field) =>
        page.FrontMatter.Extra.TryGetValue(field, out var node) ? node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList(),
            YamlScalarNode { Value: { Length: > 0 } v } => [v],
            _ => [],
        } : [];

    /// <summary>One value as readers see it.</summary>
    public static string Display(SchemaField? field, string value)
    {
        // Country codes stay codes: names would depend on the machine's ICU data and break byte-stable output.
        if (field?.Format == "iso3166-alpha3") return value;
        if (field?.Values.Count > 0 && value.Length > 0)
        {
            string words = value.Replace('-', ' ');
            return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
        }
        return value;
    }
}
