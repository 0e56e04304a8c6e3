using System.Globalization;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Build.Steps;

/// <summary>Checks entry pages against their section's schema: required fields, types, controlled lists, country codes.</summary>
public sealed class ValidateSections : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(ValidateSections);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.AssembledPages];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        foreach (var page in context.Get(BuildProducts.AssembledPages).Pages) Validate(context, page);
    }

    /// <summary>
    /// Checks again only the pages that took others' places (the assembled pages' keys): every problem of a page is in
    /// its own file, so its last ones are those there. Anything else runs it again whole.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (changes.Changed(BuildProducts.Config) || !changes.Changed(BuildProducts.AssembledPages) || changes.All(BuildProducts.AssembledPages)) return false;
        var tree = context.Get(BuildProducts.AssembledPages).Tree;
        var pages = changes.Keys(BuildProducts.AssembledPages).Select(rel => tree.ByUrl(Permalinks.FromRelativePath(rel))).ToList();
        if (pages.Any(p => p is null)) return false;
        var paths = pages.Select(p => p!.SourcePath).ToHashSet(StringComparer.Ordinal);
        var kept = context.Diagnostics.ToSortedList().Where(d => !paths.Contains(d.Location.Path)).ToList();
        context.Diagnostics.Clear();
        foreach (var d in kept) context.Diagnostics.Add(d);
        foreach (var page in pages) Validate(context, page!);
        return true;
    }

    private static void Validate(BuildContext context, Page page)
    {
        if (page.Kind != PageKind.Entry || context.Config.Section(page.Section)?.Schema is not { } schema) return;
        var fm = page.FrontMatter;
        foreach (var field in schema.Fields)
        {
            if (!fm.Extra.TryGetValue(field.Name, out var node) || IsEmpty(node))
            {
                if (field.Required)
                    context.Diagnostics.Error(DiagnosticCodes.SchemaRequired, fm.KeyLocations.GetValueOrDefault(field.Name, fm.Start),
                        $"'{page.Section}' entries need '{field.Name}'");
                continue;
            }
            Check(page.SourcePath, field, node, context.Diagnostics);
        }
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode s && YamlReader.Text(s).Length == 0 || node is YamlSequenceNode { Children.Count: 0 };

    private static void Check(string path, SchemaField field, YamlNode node, DiagnosticBag diagnostics)
    {
        var positions = new YamlPositions(path, 1);
        var reader = new YamlReader(positions, diagnostics, DiagnosticCodes.SchemaType);
        switch (field.Type)
        {
            case SchemaFieldType.Int:
                if (reader.Int(node, field.Name) is int n && (n < field.Min || n > field.Max))
                    diagnostics.Error(DiagnosticCodes.SchemaType, positions.At(node),
                        $"'{field.Name}' is {n}, outside {field.Min}–{field.Max}");
                return;
            case SchemaFieldType.Bool:
                reader.Bool(node, field.Name);
                return;
            case SchemaFieldType.Date:
                if (reader.String(node, field.Name) is { } d &&
                    !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    diagnostics.Error(DiagnosticCodes.SchemaType, positions.At(node), $"'{field.Name}' must be a date YYYY-MM-DD, got '{d}'");
                return;
            case SchemaFieldType.String:
                if (node is YamlScalarNode s) CheckValue(field, s, positions, diagnostics);
                else reader.TypeError(node, field.Name, "a single value");
                return;
            case SchemaFieldType.List:
                IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
                foreach (var item in items)
                {
                    if (item is YamlScalarNode si) CheckValue(field, si, positions, diagnostics);
                    else reader.TypeError(item, field.Name, "a list of values");
                }
                return;
        }
    }

    private static void CheckValue(SchemaField field, YamlScalarNode node, YamlPositions positions, DiagnosticBag diagnostics)
    {
        string value = node.Value ?? "";
        if (field.ExtraValues.Contains(value)) return;
        if (field.Format == "iso3166-alpha3")
        {
            if (!CountryCodes.IsAlpha3(value))
            {
                string extra = field.ExtraValues.Count > 0 ? $" (or {string.Join(", ", field.ExtraValues)})" : "";
                string hint = CountryCodes.IsAlpha3(value.ToUpperInvariant()) ? $"; did you mean '{value.ToUpperInvariant()}'?" : "";
                diagnostics.Error(DiagnosticCodes.SchemaCountry, positions.At(node),
                    $"'{value}' is not an ISO 3166-1 alpha-3 country code{extra}{hint}");
            }
            return;
        }
        if (field.Values.Count > 0 && !field.Values.Contains(value))
            diagnostics.Error(DiagnosticCodes.SchemaNotInList, positions.At(node),
                $"'{value}' is not allowed for '{field.Name}'; use one of: {string.Join(", ", field.Values)}");
    }
}
