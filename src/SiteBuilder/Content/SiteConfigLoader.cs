using SiteBuilder.Diagnostics;
using SiteBuilder.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Content;

/// <summary>Reads <c>site.yml</c>; every problem is a diagnostic at its line and column.</summary>
public static class SiteConfigLoader
{
    /// <summary>The file name looked for in the source folder.</summary>
    public const string FileName = "site.yml";

    // Keys owned by other parts of SiteBuilder (they read site.yml themselves); not unknown.
    private static readonly HashSet<string> ForeignKeys = ["link_check"];

    /// <summary>Every top-level key of <c>site.yml</c> (the editor schema has exactly these).</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["title", "description", "footer", "base_url", "repository", "branch", "language", "sections", "search", "unsafe_html", .. ForeignKeys];

    /// <summary>Every key of a section's settings.</summary>
    public static readonly IReadOnlyList<string> SectionKeys = ["title", "statswiki_space", "layout", "schema", "table", "index_by"];

    /// <summary>Loads the configuration; a missing file gives the defaults.</summary>
    public static SiteConfig Load(string sourceDir, DiagnosticBag diagnostics)
    {
        var source = new Safety.SourceTree(sourceDir);
        if (source.Check(FileName).Kind == Safety.SourceEntryKind.Missing) return new SiteConfig();
        // A site.yml that is a link out of the folder, a pipe or too large is a configuration error (SB00xx stops the build).
        if (!source.TryRead(FileName, Safety.ReadLimits.SettingsBytes, out byte[] bytes, out var problem))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(FileName, 1, 1), "not read: " + problem.Message);
            return new SiteConfig();
        }
        if (!Safety.StrictUtf8.TryDecode(bytes, out string text, out var bad))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(FileName, bad.Line, bad.Column),
                $"site.yml is not valid UTF-8 (byte 0x{bytes[bad.Offset]:X2} at offset {bad.Offset}); save it as UTF-8");
            return new SiteConfig();
        }
        var positions = new YamlPositions(FileName, 0);
        var root = YamlReader.Parse(text, positions, diagnostics, DiagnosticCodes.ConfigInvalid, DiagnosticCodes.ConfigTooComplex);
        if (root is null) return new SiteConfig();
        var r = new YamlReader(positions, diagnostics, DiagnosticCodes.ConfigValue);
        if (r.Mapping(root, "site.yml") is not { } map) return new SiteConfig();

        var config = new SiteConfig();
        foreach (var (keyNode, value) in map.Children)
        {
            if (r.Key(keyNode, "in site.yml") is not { } key) continue;
            switch (key)
            {
                case "title": config = config with { Title = r.String(value, key, Safety.ReadLimits.TitleChars) ?? config.Title }; break;
                case "description": config = config with { Description = r.String(value, key, Safety.ReadLimits.TextChars) }; break;
                case "footer": config = config with { Footer = r.String(value, key, Safety.ReadLimits.TextChars) }; break;
                case "base_url":
                    if (r.String(value, key) is not { } baseUrl || string.IsNullOrWhiteSpace(baseUrl)) break;
                    if (SiteConfig.NormalizeBaseUrl(baseUrl) is { } normalized) config = config with { BaseUrl = normalized };
                    else diagnostics.Error(DiagnosticCodes.ConfigValue, positions.At(value), $"'base_url' must be an absolute http or https URL, got '{baseUrl}'");
                    break;
                case "repository": config = config with { Repository = r.String(value, key)?.TrimEnd('/') }; break;
                case "branch": config = config with { Branch = r.String(value, key) ?? "main" }; break;
                case "language": config = config with { Language = r.String(value, key) ?? "en" }; break;
                case "sections": config = config with { Sections = LoadSections(value, r, diagnostics) }; break;
                case "unsafe_html": config = config with { UnsafeHtml = r.Bool(value, key) ?? false }; break;
                case "search": config = LoadSearch(config, value, r, positions, diagnostics); break;
                default:
                    if (!ForeignKeys.Contains(key))
                        diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, positions.At(keyNode), $"unknown key '{key}' in site.yml");
                    break;
            }
        }
        return config;
    }

    private static SiteConfig LoadSearch(SiteConfig config, YamlNode node, YamlReader r, YamlPositions positions, DiagnosticBag diagnostics)
    {
        if (r.Mapping(node, "search") is not { } search) return config;
        foreach (var (keyNode, value) in search.Children)
        {
            if (r.Key(keyNode, "of 'search'") is not { } key) continue;
            switch (key)
            {
                case "budget_bytes":
                    config = config with { SearchBudgetBytes = r.Int(value, "search.budget_bytes", min: 1), SearchBudgetAt = positions.At(value) };
                    break;
                case "query_budget_bytes":
                    config = config with { SearchQueryBudgetBytes = r.Int(value, "search.query_budget_bytes", min: 1), SearchQueryBudgetAt = positions.At(value) };
                    break;
                case "index_json": config = config with { SearchIndexJson = r.Bool(value, "search.index_json") ?? false }; break;
                default:
                    diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, positions.At(keyNode), $"unknown key '{key}' in site.yml's search settings");
                    break;
            }
        }
        return config;
    }

    private static Dictionary<string, SectionConfig> LoadSections(YamlNode node, YamlReader r, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, SectionConfig>(StringComparer.Ordinal);
        if (r.Mapping(node, "sections") is not { } map) return result;
        foreach (var (keyNode, value) in map.Children)
        {
            if (r.Key(keyNode, "of 'sections'") is not { } key) continue;
            string? title = null, space = null, layout = null;
            SectionSchema? schema = null;
            List<string> table = [];
            List<SectionIndex> indexBy = [];
            YamlNode? tableNode = null, indexNode = null;
            if (r.Mapping(value, $"sections.{key}") is { } s)
            {
                foreach (var (k, v) in s.Children)
                {
                    if (r.Key(k, $"of section '{key}'") is not { } name) continue;
                    switch (name)
                    {
                        case "title": title = r.String(v, name, Safety.ReadLimits.TitleChars); break;
                        case "statswiki_space": space = r.String(v, name); break;
                        case "layout": layout = r.String(v, name); break;
                        case "schema": schema = SectionSchemaLoader.Load(v, r, diagnostics); break;
                        case "table": (table, tableNode) = (r.StringList(v, name), v); break;
                        case "index_by": (indexBy, indexNode) = (LoadIndexes(v, r), v); break;
                        default:
                            diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, r.Positions.At(k), $"unknown key '{name}' in section '{key}'");
                            break;
                    }
                }
            }
            CheckFields(key, schema, table, tableNode, "table", r, diagnostics);
            CheckFields(key, schema, indexBy.Select(i => i.Field).ToList(), indexNode, "index_by", r, diagnostics);
            result[key] = new SectionConfig(key, title, space, layout, schema) { Table = table, IndexBy = indexBy };
        }
        return result;
    }

    private static List<SectionIndex> LoadIndexes(YamlNode node, YamlReader r)
    {
        var result = new List<SectionIndex>();
        if (node is not YamlSequenceNode seq)
        {
            r.TypeError(node, "index_by", "a list of fields or {field, slug, title} entries");
            return result;
        }
        foreach (var item in seq)
        {
            string? field = null, slug = null, title = null;
            if (item is YamlScalarNode scalar) field = scalar.Value;
            else if (item is YamlMappingNode m)
            {
                foreach (var (k, v) in m.Children)
                {
                    switch (r.Key(k, "of an 'index_by' entry"))
                    {
                        case null: break;
                        case "field": field = r.String(v, "index_by.field"); break;
                        case "slug":
                            slug = r.String(v, "index_by.slug")?.Trim();
                            // The slug names a folder of the output: one plain name, never a path that climbs out.
                            if (slug is not null && Safety.OutputPaths.SegmentProblem(slug) is { } problem)
                            {
                                r.TypeError(v, "index_by.slug", $"one folder name ({problem})");
                                slug = null;
                            }
                            break;
                        case "title": title = r.String(v, "index_by.title", Safety.ReadLimits.TitleChars); break;
                        default: r.TypeError(k, "index_by", "an entry with field, slug and title"); break;
                    }
                }
            }
            if (string.IsNullOrWhiteSpace(field))
            {
                r.TypeError(item, "index_by", "a field name or an entry with a field");
                continue;
            }
            field = field.Trim();
            result.Add(new SectionIndex(field, slug?.Trim() ?? "by-" + field.Replace('_', '-'),
                title?.Trim() ?? "Entries by " + field.Replace('_', ' ')));
        }
        return result;
    }

    private static void CheckFields(string section, SectionSchema? schema, List<string> fields, YamlNode? node, string key, YamlReader r, DiagnosticBag diagnostics)
    {
        if (node is null || fields.Count == 0) return;
        foreach (string field in fields.Where(f => schema?.Field(f) is null))
            diagnostics.Error(DiagnosticCodes.SchemaDefinition, r.Positions.At(node),
                $"'{key}' of section '{section}' names '{field}', which is not a field of its schema");
    }
}
