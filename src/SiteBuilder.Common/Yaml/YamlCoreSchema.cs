using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Yaml;

/// <summary>
/// How the YAML 1.2 core schema types a scalar: a plain <c>~</c> is null, a plain <c>true</c> a boolean, a plain
/// <c>12</c> an integer, and anything quoted a string. Editors (the YAML language server) read <c>site.yml</c> and front
/// matter this way, so SiteBuilder reads integers, booleans and nulls by the same rules: what the editor's JSON Schema
/// accepts, the build accepts.
/// </summary>
public static partial class YamlCoreSchema
{
    [GeneratedRegex("^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(?:true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex OtherNumberPattern();

    /// <summary>True for a plain scalar that the core schema reads as null (empty, <c>~</c>, <c>null</c>).</summary>
    public static bool IsNull(YamlScalarNode node) => node.Style == ScalarStyle.Plain && NullPattern().IsMatch(node.Value ?? "");

    /// <summary>The boolean of a plain <c>true</c>/<c>false</c> (also <c>True</c>, <c>TRUE</c> …); null for anything else.</summary>
    public static bool? Bool(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && BoolPattern().IsMatch(node.Value ?? "") ? node.Value![0] is 't' or 'T' : null;

    /// <summary>
    /// The integer of a plain decimal integer scalar (<c>2014</c>, <c>-3</c>); null for anything else, a quoted
    /// <c>"2014"</c> included (a string, as the editor sees it).
    /// </summary>
    public static int? Int(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && IntPattern().IsMatch(node.Value ?? "") &&
        int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>
    /// What kind of JSON value the text would be if written as a plain scalar: <c>"null"</c>, <c>"boolean"</c>,
    /// <c>"integer"</c>, <c>"number"</c> or <c>"string"</c>. A JSON Schema <c>enum</c> of allowed values needs every
    /// allowed text in the form an editor gives it (<c>values: [1, 2]</c> matches the number 1, not the string "1").
    /// </summary>
    public static string PlainKind(string text) =>
        NullPattern().IsMatch(text) ? "null"
        : BoolPattern().IsMatch(text) ? "boolean"
        : IntPattern().IsMatch(text) ? "integer"
        : OtherNumberPattern().IsMatch(text) ? "number"
        : "string";
}
