using SiteBuilder.Diagnostics;
using SiteBuilder.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Content;

/// <summary>Reads a section's <c>schema:</c> block from <c>site.yml</c>.</summary>
internal static class SectionSchemaLoader
{
    /// <summary>The named formats a field may declare.</summary>
    public static readonly IReadOnlyList<string> KnownFormats = ["iso3166-alpha3"];

    /// <summary>The field types as written in <c>site.yml</c> (lower case, exactly).</summary>
    public static readonly IReadOnlyDictionary<string, SchemaFieldType> TypeNames =
        Enum.GetValues<SchemaFieldType>().ToDictionary(t => t.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The keys a schema field may have.</summary>
    public static readonly IReadOnlyList<string> FieldKeys = ["type", "required", "values", "extra_values", "min", "max", "format"];

    public static SectionSchema? Load(YamlNode node, YamlReader r, DiagnosticBag diagnostics)
    {
        if (r.Mapping(node, "schema") is not { } map) return null;
        var fields = new List<SchemaField>();
        var exempt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (r.Key(k, "of 'schema'") is not { } key) continue;
            if (key == "exempt") exempt.UnionWith(r.StringList(v, "exempt"));
            else if (key == "fields" && r.Mapping(v, "fields") is { } fieldMap)
            {
                foreach (var (fk, fv) in fieldMap.Children)
                    if (r.Key(fk, "of 'fields'") is { } name && LoadField(name, fv, r, diagnostics) is { } f) fields.Add(f);
            }
            else diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, r.Positions.At(k), $"unknown key '{key}' in schema");
        }
        return new SectionSchema(fields, exempt);
    }

    private static SchemaField? LoadField(string name, YamlNode node, YamlReader r, DiagnosticBag diagnostics)
    {
        if (r.Mapping(node, name) is not { } map) return null;
        var type = SchemaFieldType.String;
        bool required = false;
        List<string> values = [], extra = [];
        string? format = null;
        int? min = null, max = null;
        foreach (var (k, v) in map.Children)
        {
            if (r.Key(k, $"of schema field '{name}'") is not { } key) continue;
            switch (key)
            {
                case "type":
                    string t = r.String(v, key) ?? "string";
                    if (!TypeNames.TryGetValue(t, out type))
                        diagnostics.Error(DiagnosticCodes.SchemaDefinition, r.Positions.At(v), $"unknown field type '{t}' ({string.Join(", ", TypeNames.Keys)})");
                    break;
                case "required": required = r.Bool(v, key) ?? false; break;
                case "values": values = r.StringList(v, key); break;
                case "extra_values": extra = r.StringList(v, key); break;
                case "min": min = r.Int(v, key); break;
                case "max": max = r.Int(v, key); break;
                case "format":
                    format = r.String(v, key);
                    if (format is not null && !KnownFormats.Contains(format))
                        diagnostics.Error(DiagnosticCodes.SchemaDefinition, r.Positions.At(v), $"unknown format '{format}' (known: {string.Join(", ", KnownFormats)})");
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, r.Positions.At(k), $"unknown key '{key}' in schema field '{name}'");
                    break;
            }
        }
        return new SchemaField(name, type, required, values, format, extra, min, max);
    }
}
