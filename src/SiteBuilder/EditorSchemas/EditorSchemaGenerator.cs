using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteBuilder.Content;
using SiteBuilder.Yaml;

namespace SiteBuilder.EditorSchemas;

/// <summary>
/// JSON Schemas (draft-07, what the YAML language server reads) for <c>site.yml</c> and for front matter, made from the
/// definitions the loaders check against: the keys of <see cref="SiteConfigLoader"/> and <see cref="FrontMatterParser"/>,
/// the field types and formats of <see cref="SectionSchemaLoader"/>, and each section's own schema from
/// <c>site.yml</c> with its controlled lists and the ISO 3166-1 alpha-3 codes of <see cref="CountryCodes"/>.
/// Values are typed the way <see cref="YamlCoreSchema"/> and the editor read them, so that what the schema accepts the
/// build accepts. What a schema cannot say (a <c>table:</c> column must be a field of the section's schema; a source
/// file must exist) only the build checks.
/// </summary>
public static class EditorSchemaGenerator
{
    /// <summary>The folder <c>sitebuilder schema</c> writes to and <c>init</c> wires up, relative to the site.</summary>
    public const string Folder = "schemas";
    /// <summary>The schema of <c>site.yml</c>.</summary>
    public const string SiteFileName = "site.schema.json";
    /// <summary>The schema of the front matter of every page that is not a section's entry.</summary>
    public const string PageFileName = "page.schema.json";

    /// <summary>The file name of the schema of a section's entries, e.g. <c>dimis.entry.schema.json</c>.</summary>
    public static string EntryFileName(string section) => section + ".entry.schema.json";

    /// <summary>Every schema of the site: <c>site.yml</c>, pages, and the entries of each section that has a schema (in key order).</summary>
    public static IReadOnlyList<EditorSchemaFile> For(SiteConfig config)
    {
        var files = new List<EditorSchemaFile>
        {
            new(SiteFileName, Write(SiteYml()), SiteConfigLoader.FileName),
            new(PageFileName, Write(FrontMatter(null)), "pages/**/*.md (front matter)"),
        };
        foreach (var section in config.Sections.Values.Where(s => s.Schema is not null).OrderBy(s => s.Key, StringComparer.Ordinal))
            files.Add(new(EntryFileName(section.Key), Write(FrontMatter(section)), $"pages/{section.Key}/*.md (front matter of entries)"));
        return files;
    }

    /// <summary>The schema of <c>site.yml</c>.</summary>
    public static JsonObject SiteYml()
    {
        var field = Obj(
            ("type", Enum(SectionSchemaLoader.TypeNames.Keys, "The value type: string, list (one value or a list), int, bool or date (YYYY-MM-DD).")),
            ("required", Described(Bool(), "Every entry of the section must have this field.")),
            ("values", Described(Ref("stringList"), "The controlled list: the only values allowed.")),
            ("extra_values", Described(Ref("stringList"), "Values allowed besides the format, e.g. WORLD beside country codes.")),
            ("min", Described(Int(), "The smallest integer allowed.")),
            ("max", Described(Int(), "The largest integer allowed.")),
            ("format", Enum(SectionSchemaLoader.KnownFormats, "A named format: iso3166-alpha3 for ISO 3166-1 alpha-3 country codes.")));
        CheckKeys(field, SectionSchemaLoader.FieldKeys);
        var schema = Closed(Obj(
            ("exempt", Described(Ref("stringList"), "Page slugs of the section that are not entries (e.g. about).")),
            ("fields", Described(new JsonObject { ["type"] = "object", ["additionalProperties"] = Closed(field) }, "The entry fields, by front-matter key."))));
        var indexEntry = Closed(Obj(
            ("field", Described(Ref("scalar"), "The schema field to group by.")),
            ("slug", Described(Ref("scalar"), "The page's URL segment (default: by-FIELD).")),
            ("title", Described(Ref("scalar"), "The page title."))));
        indexEntry["required"] = new JsonArray("field");
        var section = Closed(Obj(
            ("title", Described(Ref("scalar"), "The section's display title.")),
            ("statswiki_space", Described(Ref("scalar"), "The Confluence space key this section mirrors.")),
            ("layout", Described(Ref("scalar"), "The layout of the section's pages other than index.md.")),
            ("schema", Described(schema, "The structured front matter every entry page of the section must carry.")),
            ("table", Described(Ref("stringList"), "Schema fields shown as columns of the entry table on the section's home.")),
            ("index_by", Described(new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["anyOf"] = new JsonArray(Ref("text"), indexEntry) },
            }, "Generated pages grouping the entries by a schema field."))));
        CheckKeys((JsonObject)section["properties"]!, SiteConfigLoader.SectionKeys);
        var properties = Obj(
            ("title", Described(Ref("scalar"), "The site's title.")),
            ("description", Described(Ref("scalar"), "One line about the site, for the home page's meta description.")),
            ("footer", Described(Ref("scalar"), "A line of plain text at the foot of every page, e.g. what the site is and where its content comes from (default: none).")),
            ("base_url", Described(new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["format"] = "uri", ["pattern"] = @"^\s*https?://[^/?#\s]+(/[^?#\s]*)?\s*$" },
                    Ref("empty")),
            }, "The absolute http(s) URL the site is published at. Without it the site has no sitemap and no canonical links.")),
            ("repository", Described(Ref("scalar"), "The repository's web address, for 'Edit this page' links.")),
            ("branch", Described(Ref("scalar"), "The branch the edit links open (default: main).")),
            ("language", Described(Ref("scalar"), "The language of the pages, for the lang attribute (default: en).")),
            ("sections", Described(new JsonObject { ["type"] = "object", ["additionalProperties"] = section },
                "Settings of each section, by the name of its folder under pages/.")),
            ("search", Described(Closed(Obj(
                    ("budget_bytes", Described(Int(), "Fail the build (SB1101) when all search files together are larger than this, in bytes on disk (default 1073741824: 1 GiB).")),
                    ("query_budget_bytes", Described(Int(), "Fail the build (SB1101) when one query fetches more than this before its first results, gzipped (default 2097152: 2 MiB; docs/search.md).")),
                    ("index_json", Described(Bool(), "Also write the whole lunr index as search/index.json, for tools that load a classic lunr index.")))),
                "Settings of the sharded search index (docs/search.md).")),
            ("unsafe_html", Described(Bool(), "true publishes raw HTML, links and attributes that can run script (<script>, on… attributes, javascript: URLs); off by default, when they are errors.")),
            ("link_check", Described(new JsonObject { ["type"] = "object" }, "Settings of sitebuilder check-links (see docs/link-check.md).")));
        CheckKeys(properties, SiteConfigLoader.Keys);
        return Document("site.yml", "The settings of a SiteBuilder site.", Closed(properties));
    }

    /// <summary>The schema of a page's front matter; with a section that has a schema, of that section's entries.</summary>
    public static JsonObject FrontMatter(SectionConfig? entriesOf)
    {
        var source = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("url"),
            ["properties"] = Obj(
                ("title", Described(Ref("scalar"), "What the source is.")),
                ("url", Described(Ref("text"), "Where it is: a web address, or a file of the repository, which is published with the site."))),
        };
        var properties = Obj(
            ("title", Described(Ref("text"), "The page title.")),
            ("description", Described(Ref("scalar"), "One sentence: shown in child lists, search results and the meta description.")),
            ("labels", Described(Ref("stringList"), "Tags.")),
            ("weight", Described(Int(), "Order among sibling pages: lower first, then by title.")),
            ("layout", Described(Ref("scalar"), "A layout from layouts/, without .cshtml.")),
            ("draft", Described(Bool(), "true keeps the page out of the site (build --drafts shows it).")),
            ("aliases", Described(Ref("stringList"), "Old site paths that redirect to this page.")),
            ("statswiki", Described(Ref("stringList"), "The original statswiki URL(s) of the page.")),
            ("sources", Described(new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["anyOf"] = new JsonArray(Ref("text"), source) },
            }, "The sources of the page's facts: {title, url} entries.")),
            ("hide_children", Described(Bool(), "true hides the automatic list of child pages.")),
            ("anchors", Described(new JsonObject { ["type"] = "object", ["additionalProperties"] = Ref("scalar") },
                "Old anchors that keep working: old-id: current-heading-id.")));
        CheckKeys(properties, FrontMatterParser.CommonKeys);
        var required = new JsonArray("title");
        if (entriesOf?.Schema is { } schema)
        {
            foreach (var field in schema.Fields)
            {
                properties[field.Name] = FieldSchema(field);
                if (field.Required) required.Add(field.Name);
            }
        }
        var document = Closed(properties);
        document["required"] = required;
        return entriesOf is null
            ? Document("front matter", "The front matter of a SiteBuilder page.", document)
            : Document($"{entriesOf.Key} entry", $"The front matter of an entry page of the '{entriesOf.Key}' section, from its schema in site.yml.", document);
    }

    /// <summary>The schema of one entry field, as ValidateSections checks it.</summary>
    private static JsonObject FieldSchema(SchemaField field)
    {
        JsonObject value = field.Type switch
        {
            SchemaFieldType.Int => IntRange(field),
            SchemaFieldType.Bool => Bool(),
            SchemaFieldType.Date => new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            SchemaFieldType.List => new JsonObject { ["anyOf"] = new JsonArray(Item(field), new JsonObject { ["type"] = "array", ["items"] = Item(field) }) },
            _ => Item(field),
        };
        string about = field.Type.ToString().ToLowerInvariant() + (field.Required ? ", required" : ", optional");
        // Like the build, an empty value (nothing, ~, "" or []) counts as a missing field.
        var schema = field.Required
            ? new JsonObject { ["allOf"] = new JsonArray(value, new JsonObject { ["not"] = Ref("empty") }) }
            : new JsonObject { ["anyOf"] = new JsonArray(Ref("empty"), value) };
        return Described(schema, field.Format == "iso3166-alpha3" ? $"{about}: ISO 3166-1 alpha-3 country codes" : about);
    }

    private static JsonObject IntRange(SchemaField field)
    {
        var schema = Int();
        if (field.Min is int min) schema["minimum"] = min;
        if (field.Max is int max) schema["maximum"] = max;
        return schema;
    }

    // One value of a string or list field: a country code, a value of the controlled list, or any scalar.
    private static JsonObject Item(SchemaField field)
    {
        IEnumerable<string>? allowed = field.Format == "iso3166-alpha3" ? CountryCodes.All.Order(StringComparer.Ordinal)
            : field.Values.Count > 0 ? field.Values : null;
        if (allowed is null) return Ref("scalar");
        var values = new JsonArray();
        foreach (string text in allowed.Concat(field.ExtraValues).Distinct(StringComparer.Ordinal))
            foreach (var form in Forms(text)) values.Add(form);
        return new JsonObject { ["enum"] = values };
    }

    // The JSON values an editor may see for an allowed text: the text, and the typed value of its plain form (1, true).
    private static IEnumerable<JsonNode?> Forms(string text)
    {
        yield return JsonValue.Create(text);
        switch (YamlCoreSchema.PlainKind(text))
        {
            case "null": yield return null; break;
            case "boolean": yield return JsonValue.Create(text[0] is 't' or 'T'); break;
            case "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n): yield return JsonValue.Create(n); break;
            case "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d): yield return JsonValue.Create(d); break;
        }
    }

    private static JsonObject Document(string title, string description, JsonObject body)
    {
        var document = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = title,
            ["description"] = description + " Made by `sitebuilder schema`; run it again after changing a section's schema.",
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            document[key] = value;
        }
        document["definitions"] = new JsonObject
        {
            // A string setting takes any scalar: the build reads 2014 or true as text there.
            ["scalar"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") },
            ["text"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string", ["pattern"] = @"\S" }, new JsonObject { ["type"] = new JsonArray("number", "boolean") }),
            },
            ["stringList"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(Ref("scalar"), new JsonObject { ["type"] = "array", ["items"] = Ref("scalar") }),
            },
            ["empty"] = new JsonObject { ["enum"] = new JsonArray(null, "", new JsonArray()) },
        };
        return document;
    }

    // Every key the loader knows has a schema, and the schema has no key the loader does not know.
    private static void CheckKeys(JsonObject properties, IEnumerable<string> loaderKeys)
    {
        var mine = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!mine.SetEquals(loaderKeys))
            throw new InvalidOperationException($"editor schema keys [{string.Join(", ", mine.Order(StringComparer.Ordinal))}] differ from the loader's [{string.Join(", ", loaderKeys.Order(StringComparer.Ordinal))}]");
    }

    private static JsonObject Obj(params (string Key, JsonNode Value)[] properties)
    {
        var o = new JsonObject();
        foreach (var (k, v) in properties) o[k] = v;
        return o;
    }

    private static JsonObject Closed(JsonObject properties) =>
        new() { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };

    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };
    private static JsonObject Int() => new() { ["type"] = "integer" };
    private static JsonObject Bool() => new() { ["type"] = "boolean" };

    private static JsonObject Enum(IEnumerable<string> values, string description) =>
        new() { ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()), ["description"] = description };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Write(JsonObject schema) => schema.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
