using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.EditorSchemas;
using SiteBuilder.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Tests.EditorSchemas;

/// <summary>
/// The editor schemas, checked with a real JSON Schema validator (JsonSchema.Net) on YAML read the way the YAML language
/// server reads it (YAML 1.2 core schema, implemented here from the spec, apart from SiteBuilder's own reader): the
/// repository's <c>site.yml</c> and every page's front matter pass, the committed schemas are current, and on generated
/// good and bad configurations and entries the schema and the build agree on every case.
/// </summary>
public sealed partial class EditorSchemaTests
{
    private static readonly string Root = TestSites.RepositoryRoot;

    [Fact]
    public void TheCommittedSchemasAreWhatSitebuilderSchemaWrites()
    {
        var config = SiteConfigLoader.Load(Root, new DiagnosticBag());
        foreach (var file in EditorSchemaGenerator.For(config))
        {
            string path = Path.Combine(Root, EditorSchemaGenerator.Folder, file.FileName);
            Assert.True(File.Exists(path), $"{path} is missing: run `sitebuilder schema`");
            Assert.True(File.ReadAllText(path) == file.Json, $"{path} is out of date: run `sitebuilder schema`");
        }
        Assert.StartsWith("# yaml-language-server: $schema=schemas/site.schema.json\n", File.ReadAllText(Path.Combine(Root, "site.yml")));
    }

    [Fact]
    public void TheRepositorysSiteYmlAndEveryPagesFrontMatterPass()
    {
        var config = SiteConfigLoader.Load(Root, new DiagnosticBag());
        var schemas = EditorSchemaGenerator.For(config).ToDictionary(f => f.FileName, f => Schema(f.Json));
        Assert.Equal("", Problems(schemas[EditorSchemaGenerator.SiteFileName], File.ReadAllText(Path.Combine(Root, "site.yml"))));

        var context = TestSites.RunContent(Root);
        Assert.True(context.Pages.Count >= 60);
        int entries = 0;
        var failures = new List<string>();
        foreach (var page in context.Pages.Where(p => p.Kind != PageKind.Generated))
        {
            FrontMatterParser.TrySplit(File.ReadAllText(Path.Combine(Root, page.SourcePath)), out string yaml);
            bool entry = page.Kind == PageKind.Entry;
            entries += entry ? 1 : 0;
            var schema = schemas[entry ? EditorSchemaGenerator.EntryFileName(page.Section) : EditorSchemaGenerator.PageFileName];
            if (Problems(schema, yaml) is { Length: > 0 } problems) failures.Add($"{page.SourcePath}: {problems}");
        }
        Assert.True(entries >= 10, $"only {entries} DIMiS entries checked");
        Assert.Empty(failures);
    }

    [Fact]
    public void AnEntryWithACountryCodeOutsideIso3166IsFlaggedByTheSchemaAndTheBuild()
    {
        var (buildSays, schemaSays) = JudgeEntry(GoodEntry().Replace("countries: [EST]", "countries: [EST, XYZ]", StringComparison.Ordinal));

        Assert.Contains("pages/dimis/entry.md:", buildSays);
        Assert.Contains("error SB0203: 'XYZ' is not an ISO 3166-1 alpha-3 country code", buildSays);
        Assert.Contains("/countries", schemaSays);
    }

    public static TheoryData<string, bool> SiteConfigs() => new()
    {
        { "title: T\n", true },
        { "title: 2014\ndescription: ~\nbase_url: https://host.example/wiki\nbranch: main\nlanguage: fr\n", true },
        { "base_url:\n", true },
        { "search:\n  budget_bytes: 1000\n", true },
        { "link_check:\n  exclude: []\n", true },
        { Sections("table: [countries, year]\n    index_by:\n      - countries\n      - field: year\n        slug: by-year\n        title: By year\n"), true },
        { "base_url: ftp://host.example/\n", false },
        { "base_url: https://host.example/?page=1\n", false },
        { "base_url: [https://host.example/]\n", false },
        { "titel: T\n", false },
        { "title: [T]\n", false },
        { "search:\n  budget: 1000\n", false },
        { "search:\n  budget_bytes: \"1000\"\n", false },
        { "search:\n  budget_bytes: 1.5\n", false },
        { "sections: [dimis]\n", false },
        { "sections:\n  dimis:\n    titel: DIMiS\n", false },
        { "sections:\n  dimis:\n", false },
        { Sections("").Replace("type: list", "type: List", StringComparison.Ordinal), false },
        { Sections("").Replace("type: list", "type: number", StringComparison.Ordinal), false },
        { Sections("").Replace("format: iso3166-alpha3", "format: iso3166", StringComparison.Ordinal), false },
        { Sections("").Replace("required: true", "required: yes", StringComparison.Ordinal), false },
        { Sections("").Replace("min: 1990", "min: early", StringComparison.Ordinal), false },
        { Sections("").Replace("min: 1990", "mini: 1990", StringComparison.Ordinal), false },
        { Sections("index_by:\n      field: countries\n"), false },
        { Sections("index_by:\n      - field: countries\n        bogus: 1\n"), false },
        { Sections("index_by:\n      - slug: by-country\n"), false },
    };

    [Theory]
    [MemberData(nameof(SiteConfigs))]
    public void TheSiteSchemaAndTheLoaderAgree(string siteYml, bool good)
    {
        string dir = TestSites.TempDir();
        File.WriteAllText(Path.Combine(dir, "site.yml"), siteYml);
        var diagnostics = new DiagnosticBag();
        SiteConfigLoader.Load(dir, diagnostics);
        string buildSays = string.Join("\n", diagnostics.ToSortedList().Where(d => d.FailsStrict));
        string schemaSays = Problems(Schema(EditorSchemaGenerator.For(new SiteConfig())[0].Json), siteYml);

        Assert.True(good == (buildSays.Length == 0), $"the loader {(good ? "rejects" : "accepts")} it: {buildSays}");
        Assert.True(good == (schemaSays.Length == 0), $"the schema {(good ? "rejects" : "accepts")} it: {schemaSays}");
    }

    /// <summary>Entries made from the repository's DIMiS schema: a good one, then for each field values it accepts and values it refuses.</summary>
    public static TheoryData<string, string, bool> Entries()
    {
        var data = new TheoryData<string, string, bool> { { "complete", GoodEntry(), true } };
        string good = GoodEntry();
        foreach (var field in DimisSchema().Fields)
        {
            string line = $"{field.Name}: {GoodValue(field)}\n";
            foreach (var (value, accepted) in Variants(field))
                data.Add($"{field.Name}: {value}", good.Replace(line, value is null ? "" : $"{field.Name}: {value}\n", StringComparison.Ordinal), accepted);
        }
        data.Add("unknown key", good.Replace("---\nBody", "colour: red\n---\nBody", StringComparison.Ordinal), false);
        data.Add("no title", good.Replace("title: An entry\n", "", StringComparison.Ordinal), false);
        data.Add("blank title", good.Replace("title: An entry\n", "title: \"  \"\n", StringComparison.Ordinal), false);
        data.Add("null title", good.Replace("title: An entry\n", "title: ~\n", StringComparison.Ordinal), false);
        data.Add("weight", good.Replace("title: An entry\n", "title: An entry\nweight: 3\ndraft: false\nlabels: one\n", StringComparison.Ordinal), true);
        data.Add("quoted weight", good.Replace("title: An entry\n", "title: An entry\nweight: \"3\"\n", StringComparison.Ordinal), false);
        data.Add("draft yes", good.Replace("title: An entry\n", "title: An entry\ndraft: yes\n", StringComparison.Ordinal), false);
        data.Add("source as text", good.Replace("title: An entry\n", "title: An entry\nsources:\n  - https://unece.org/a\n  - title: B\n    url: https://unece.org/b\n", StringComparison.Ordinal), true);
        data.Add("source without url", good.Replace("title: An entry\n", "title: An entry\nsources:\n  - title: B\n", StringComparison.Ordinal), false);
        data.Add("sources not a list", good.Replace("title: An entry\n", "title: An entry\nsources: https://unece.org/a\n", StringComparison.Ordinal), false);
        data.Add("anchors", good.Replace("title: An entry\n", "title: An entry\nanchors:\n  old: new\n", StringComparison.Ordinal), true);
        data.Add("anchors list", good.Replace("title: An entry\n", "title: An entry\nanchors: [old]\n", StringComparison.Ordinal), false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void TheEntrySchemaAndTheBuildAgree(string name, string entry, bool good)
    {
        var (buildSays, schemaSays) = JudgeEntry(entry);

        Assert.True(good == (buildSays.Length == 0), $"{name}: the build {(good ? "rejects" : "accepts")} it: {buildSays}");
        Assert.True(good == (schemaSays.Length == 0), $"{name}: the schema {(good ? "rejects" : "accepts")} it: {schemaSays}");
    }

    // --- generated entries --------------------------------------------------------------------------------------

    private static SectionSchema DimisSchema() => SiteConfigLoader.Load(Root, new DiagnosticBag()).Section("dimis")!.Schema!;

    private static string GoodEntry()
    {
        var text = new StringBuilder("---\ntitle: An entry\n");
        foreach (var field in DimisSchema().Fields) text.Append(field.Name).Append(": ").Append(GoodValue(field)).Append('\n');
        return text.Append("---\nBody\n").ToString();
    }

    private static string GoodValue(SchemaField field) => field.Type switch
    {
        SchemaFieldType.Int => (field.Min ?? 2000).ToString(CultureInfo.InvariantCulture),
        SchemaFieldType.Bool => "true",
        SchemaFieldType.Date => "2024-02-29",
        SchemaFieldType.List => field.Format == "iso3166-alpha3" ? "[EST]" : field.Values.Count > 0 ? $"[{field.Values[0]}]" : "[Statistics Estonia]",
        _ => field.Values.Count > 0 ? field.Values[0] : "text",
    };

    // Each value (null: the field left out) and whether the build should accept it.
    private static IEnumerable<(string? Value, bool Accepted)> Variants(SchemaField field)
    {
        yield return (null, !field.Required);
        yield return ("", !field.Required);
        yield return ("{nested: map}", false);
        switch (field.Type)
        {
            case SchemaFieldType.Int:
                if (field.Min is int min) { yield return ((min - 1).ToString(CultureInfo.InvariantCulture), false); }
                if (field.Max is int max) { yield return (max.ToString(CultureInfo.InvariantCulture), true); yield return ((max + 1).ToString(CultureInfo.InvariantCulture), false); }
                yield return ("\"2014\"", false);
                yield return ("2014.5", false);
                yield return ("soon", false);
                break;
            case SchemaFieldType.Bool:
                yield return ("false", true);
                yield return ("TRUE", true);
                yield return ("yes", false);
                yield return ("\"true\"", false);
                yield return ("1", false);
                break;
            case SchemaFieldType.Date:
                yield return ("2024-02-30", false);
                yield return ("2024-2-1", false);
                yield return ("20240101", false);
                break;
            case SchemaFieldType.List:
                yield return ("[]", !field.Required);
                yield return ("[[nested]]", false);
                if (field.Format == "iso3166-alpha3")
                {
                    yield return ("FIN", true);
                    yield return ("[EST, FIN, WORLD]", true);
                    yield return ("[XYZ]", false);
                    yield return ("[est]", false);
                }
                else if (field.Values.Count > 0)
                {
                    yield return (field.Values[^1], true);
                    yield return ($"[{field.Values[0]}, not-a-value]", false);
                }
                else yield return ("[1, true, Some name]", true);
                break;
            default:
                if (field.Values.Count > 0)
                {
                    yield return ($"\"{field.Values[^1]}\"", true);
                    yield return ("not-a-value", false);
                    yield return ($"[{field.Values[0]}]", false);
                }
                else
                {
                    yield return ("2014", true);
                    yield return ("[a, b]", false);
                }
                break;
        }
    }

    private static (string BuildSays, string SchemaSays) JudgeEntry(string entry)
    {
        string siteYml = File.ReadAllText(Path.Combine(Root, "site.yml"));
        string dir = TestSites.Write($"""
            -- site.yml --
            {siteYml}
            -- pages/index.md --
            ---
            title: Home
            ---
            [DIMiS](dimis/index.md)
            -- pages/dimis/index.md --
            ---
            title: DIMiS
            ---
            [[An entry]]
            -- pages/dimis/entry.md --
            {entry}
            """);
        var context = TestSites.RunContent(dir);
        string buildSays = string.Join("\n", context.Diagnostics.ToSortedList()
            .Where(d => d.FailsStrict && d.Location.Path == "pages/dimis/entry.md" && !d.Code.StartsWith("SB10", StringComparison.Ordinal)));
        var config = SiteConfigLoader.Load(dir, new DiagnosticBag());
        var schema = Schema(EditorSchemaGenerator.For(config).Single(f => f.FileName == EditorSchemaGenerator.EntryFileName("dimis")).Json);
        FrontMatterParser.TrySplit(entry, out string yaml);
        return (buildSays, Problems(schema, yaml));
    }

    // --- JSON Schema validation of YAML, as an editor does it -----------------------------------------------------

    private static JsonSchema Schema(string json) =>
        JsonSchema.FromText(json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("file:///schemas/" + Guid.NewGuid().ToString("N") + ".json"));

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Empty when the YAML document is valid; otherwise where and why not.</summary>
    private static string Problems(JsonSchema schema, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        JsonNode? json = stream.Documents.Count == 0 ? new JsonObject() : ToJson(stream.Documents[0].RootNode);
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(json), Evaluation);
        if (result.IsValid) return "";
        var details = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        return "invalid: " + string.Join(" | ", details);
    }

    // YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): how the YAML language server types plain scalars.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: not ScalarStyle.Plain } q => JsonValue.Create(q.Value ?? ""),
        YamlScalarNode p => Plain(p.Value ?? ""),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Plain(string v)
    {
        if (CoreNull().IsMatch(v)) return null;
        if (CoreBool().IsMatch(v)) return JsonValue.Create(v[0] is 't' or 'T');
        if (CoreInt().IsMatch(v)) return JsonValue.Create(long.Parse(v, CultureInfo.InvariantCulture));
        if (CoreFloat().IsMatch(v)) return JsonValue.Create(double.Parse(v, CultureInfo.InvariantCulture));
        return JsonValue.Create(v);
    }

    [GeneratedRegex("^(null|Null|NULL|~|)$")] private static partial Regex CoreNull();
    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")] private static partial Regex CoreBool();
    [GeneratedRegex("^[-+]?[0-9]+$")] private static partial Regex CoreInt();
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex CoreFloat();

    private static string Sections(string extra) => $"""
        sections:
          dimis:
            title: DIMiS
            schema:
              exempt: [about]
              fields:
                countries:
                  type: list
                  required: true
                  format: iso3166-alpha3
                  extra_values: [WORLD]
                year:
                  type: int
                  min: 1990
                  max: 2030
            {extra}
        """;
}
