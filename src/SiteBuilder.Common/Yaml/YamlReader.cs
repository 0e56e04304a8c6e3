using System.Globalization;
using SiteBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Yaml;

/// <summary>
/// Typed reads from a YAML representation model that report wrong types as diagnostics at the
/// value's own position, instead of throwing. Shared by front matter and <c>site.yml</c>.
/// </summary>
public sealed class YamlReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _typeCode;

    /// <summary>Creates a reader that reports type errors with <paramref name="typeCode"/>.</summary>
    public YamlReader(YamlPositions positions, DiagnosticBag diagnostics, string typeCode)
    {
        Positions = positions;
        _diagnostics = diagnostics;
        _typeCode = typeCode;
    }

    /// <summary>How marks map to file positions.</summary>
    public YamlPositions Positions { get; }

    /// <summary>
    /// Parses YAML text into its root node. Nothing in the text can crash it: a syntax error, or any exception
    /// YamlDotNet throws, becomes a <paramref name="syntaxCode"/> diagnostic at its position; YAML nested deeper than
    /// <see cref="BoundedYamlParser.MaxDepth"/>, or larger than <see cref="BoundedYamlParser.MaxNodes"/> nodes once
    /// its aliases are expanded, is refused with <paramref name="limitCode"/> at the node that broke the limit, before
    /// YamlDotNet's loader recurses into it. Either way the result is null.
    /// </summary>
    public static YamlNode? Parse(string text, YamlPositions positions, DiagnosticBag diagnostics, string syntaxCode, string limitCode)
    {
        var parser = new BoundedYamlParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlTooComplexException ex)
        {
            diagnostics.Error(limitCode, positions.At(ex.Start), $"YAML refused: {ex.Message}");
            return null;
        }
        catch (YamlException ex)
        {
            // YamlDotNet prefixes messages with "(Line: 3, Col: 7, Idx: …) - (…): "; the position is ours to print.
            string message = ex.Message;
            int cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
            // End is where the scanner or parser stopped: the offending character (Start can be the token before it).
            // The loader's own errors (a duplicate key: a plain YamlException) span the node, which starts at Start.
            var mark = ex.End.Line > 0 && ex.GetType() != typeof(YamlException) ? ex.End : ex.Start;
            diagnostics.Error(syntaxCode, positions.At(mark), $"invalid YAML: {message.Trim()}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet can fail without a position (e.g. an unclosed '[' followed by more keys):
            // replay the event stream to find the last point that parsed.
            diagnostics.Error(syntaxCode, positions.At(LastGoodMark(text)),
                "invalid YAML: the document cannot be parsed after this point (an unclosed '[', '{' or quote?)");
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only YamlDotNet runs in here, and its loader throws other exceptions on event sequences its parser
            // accepts but it cannot represent: ArgumentException "The current event is of an unsupported type" when
            // the parser mistakes a nested mapping under an empty ':' key for more keys, leaving a key without a value
            // before the mapping's end. The place is the event it stopped at, or the key before an end.
            var mark = parser.Current is MappingEnd or SequenceEnd or DocumentEnd or StreamEnd or null ? parser.PreviousStart : parser.Current.Start;
            string what = ex is ArgumentException
                ? "a mapping here cannot be read (a key without a value; an empty ':' or '?' key above it?)"
                : "this cannot be read (" + ex.Message.Split('\n')[0].Trim() + ")";
            diagnostics.Error(syntaxCode, positions.At(mark), "invalid YAML: " + what);
            return null;
        }
    }

    private static Mark LastGoodMark(string text)
    {
        var parser = new BoundedYamlParser(new Parser(new StringReader(text)));
        try
        {
            while (parser.MoveNext())
            {
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or YamlTooComplexException)
        {
            // Stop at the failure: the end of the last event that parsed.
        }
        return parser.LastGoodEnd;
    }

    /// <summary>
    /// A mapping key as a string (a scalar's value, quoted or plain); null, with an error at the key, for a key that
    /// is a sequence or a mapping (<c>[a]: c</c>, <c>? [a, b]</c>, <c>{a: b}: c</c>), which no setting is named by, and
    /// for a plain <c>&lt;&lt;</c> (YAML 1.1's merge key, which YAML 1.2 and SiteBuilder do not merge).
    /// </summary>
    public string? Key(YamlNode key, string where)
    {
        if (key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
        {
            // YAML 1.1's merge key: read as a name, it would be silently unknown and its keys silently missing.
            _diagnostics.Error(_typeCode, Positions.At(key),
                $"'<<' {where} is a YAML 1.1 merge key, which SiteBuilder does not read (it reads YAML 1.2): write the keys out; this entry is ignored");
            return null;
        }
        if (key is YamlScalarNode s) return s.Value ?? "";
        _diagnostics.Error(_typeCode, Positions.At(key),
            $"a key {where} must be a name, not a {(key is YamlSequenceNode ? "sequence" : "mapping")}; this entry is ignored");
        return null;
    }

    /// <summary>A scalar as a string (empty for a null such as <c>~</c>); sequences and mappings are a type error.</summary>
    public string? String(YamlNode node, string key)
    {
        if (node is YamlScalarNode s) return Text(s);
        TypeError(node, key, "a string");
        return null;
    }

    /// <summary>A scalar or a sequence of scalars, as a list of strings.</summary>
    public List<string> StringList(YamlNode node, string key)
    {
        var list = new List<string>();
        switch (node)
        {
            case YamlScalarNode s when Text(s).Length > 0:
                list.Add(s.Value!);
                break;
            case YamlScalarNode:
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode si && si.Value is not null) list.Add(si.Value);
                    else TypeError(item, key, "a list of strings");
                }
                break;
            default:
                TypeError(node, key, "a string or a list of strings");
                break;
        }
        return list;
    }

    /// <summary>The text of a scalar: its value, or empty for a null (<c>~</c>, <c>null</c>, nothing), as the YAML core schema reads it.</summary>
    public static string Text(YamlScalarNode node) => YamlCoreSchema.IsNull(node) ? "" : node.Value ?? "";

    /// <summary>An integer scalar, written plain (<c>2014</c>; a quoted <c>"2014"</c> is a string, as editors read it).</summary>
    public int? Int(YamlNode node, string key)
    {
        if (node is YamlScalarNode s && YamlCoreSchema.Int(s) is int v) return v;
        TypeError(node, key, "an integer");
        return null;
    }

    /// <summary>An integer scalar of at least <paramref name="min"/> (a size, a count: a negative one is a type error).</summary>
    public int? Int(YamlNode node, string key, int min)
    {
        if (node is YamlScalarNode s && YamlCoreSchema.Int(s) is int v && v >= min) return v;
        TypeError(node, key, $"a whole number of at least {min}");
        return null;
    }

    /// <summary>A boolean scalar (plain <c>true</c>/<c>false</c>, YAML 1.2 core schema).</summary>
    public bool? Bool(YamlNode node, string key)
    {
        if (node is YamlScalarNode s && YamlCoreSchema.Bool(s) is bool b) return b;
        TypeError(node, key, "true or false");
        return null;
    }

    /// <summary>A mapping node.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string key)
    {
        if (node is YamlMappingNode m) return m;
        TypeError(node, key, "a mapping");
        return null;
    }

    /// <summary>Reports a value of the wrong type at its position.</summary>
    public void TypeError(YamlNode node, string key, string expected) =>
        _diagnostics.Error(_typeCode, Positions.At(node), $"'{key}' must be {expected}");
}
