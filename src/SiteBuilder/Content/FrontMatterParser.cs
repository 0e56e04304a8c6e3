using SiteBuilder.Diagnostics;
using SiteBuilder.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Content;

/// <summary>
/// Splits a page's <c>---</c> front matter from its Markdown and reads it. Problems become
/// diagnostics at file positions; the page still gets a usable (possibly empty) front matter.
/// </summary>
public static class FrontMatterParser
{
    // SB0103, for an empty block and for one without a title alike.
    private const string NoTitle = "front matter has no 'title'";

    /// <summary>Keys every page may use.</summary>
    public static readonly IReadOnlySet<string> CommonKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "description", "labels", "weight", "layout", "draft", "aliases", "statswiki", "sources",
        "hide_children", "anchors",
    };

    /// <summary>Parses the front matter of <paramref name="text"/> (a whole page file).</summary>
    /// <param name="path">Repository-relative path for diagnostics.</param>
    /// <param name="text">The page's text.</param>
    /// <param name="extraKeys">Further keys allowed here (the section schema's fields).</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static FrontMatter Parse(string path, string text, IReadOnlySet<string> extraKeys, DiagnosticBag diagnostics)
    {
        var start = new SourceLocation(path, 1, 1);
        if (!TrySplit(text, out string yaml))
        {
            if (text.StartsWith("---", StringComparison.Ordinal) && FirstLineIsFence(text))
                diagnostics.Error(DiagnosticCodes.UnclosedFrontMatter, start, "front matter opened with '---' is never closed with '---'");
            else
                diagnostics.Error(DiagnosticCodes.MissingTitle, start, "page has no front matter; add '---', 'title: …', '---' at the top");
            return new FrontMatter { Start = start };
        }

        var positions = new YamlPositions(path, 1);
        var root = YamlReader.Parse(yaml, positions, diagnostics, DiagnosticCodes.FrontMatterYaml, DiagnosticCodes.FrontMatterTooComplex);
        if (root is null)
        {
            // An empty block is "no title"; a syntax error has already been reported.
            if (string.IsNullOrWhiteSpace(yaml)) diagnostics.Error(DiagnosticCodes.MissingTitle, start, NoTitle);
            return new FrontMatter { Start = start };
        }
        var r = new YamlReader(positions, diagnostics, DiagnosticCodes.FrontMatterType);
        if (r.Mapping(root, "front matter") is not { } map) return new FrontMatter { Start = start };

        var fm = new FrontMatter { Start = start };
        var extra = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keyLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (r.Key(keyNode, "of the front matter") is not { } key) continue;
            keyLocations[key] = positions.At(keyNode);
            switch (key)
            {
                case "title": fm = fm with { Title = (r.String(value, key, Safety.ReadLimits.TitleChars) ?? "").Trim() }; break;
                case "description": fm = fm with { Description = r.String(value, key, Safety.ReadLimits.TextChars)?.Trim() }; break;
                case "labels": fm = fm with { Labels = Labels(value, r) }; break;
                case "weight": fm = fm with { Weight = r.Int(value, key) ?? 0 }; break;
                case "layout": fm = fm with { Layout = r.String(value, key), LayoutLocation = positions.At(value) }; break;
                case "draft": fm = fm with { Draft = r.Bool(value, key) ?? false }; break;
                case "aliases": fm = fm with { Aliases = ReadLocatedList(value, key, r) }; break;
                case "hide_children": fm = fm with { HideChildren = r.Bool(value, key) ?? false }; break;
                case "statswiki": fm = fm with { Statswiki = ReadLocatedList(value, key, r) }; break;
                case "sources": fm = fm with { Sources = ReadSources(value, r) }; break;
                case "anchors": fm = fm with { Anchors = ReadAnchors(value, r) }; break;
                default:
                    if (!extraKeys.Contains(key))
                        diagnostics.Warning(DiagnosticCodes.UnknownFrontMatterKey, positions.At(keyNode), $"unknown front-matter key '{key}'");
                    extra[key] = value;
                    break;
            }
        }
        if (string.IsNullOrEmpty(fm.Title))
            diagnostics.Error(DiagnosticCodes.MissingTitle, keyLocations.GetValueOrDefault("title", start), NoTitle);
        return fm with { Extra = extra, KeyLocations = keyLocations };
    }

    // Labels, each at most a title long, and at most LabelsPerPage of them (each has a generated page of its own).
    private static List<string> Labels(YamlNode value, YamlReader r)
    {
        var labels = r.StringList(value, "labels");
        if (labels.Count > Safety.ReadLimits.LabelsPerPage)
        {
            r.TypeError(value, "labels", $"at most {Safety.ReadLimits.LabelsPerPage} labels (there are {labels.Count:N0})");
            labels = labels.Take(Safety.ReadLimits.LabelsPerPage).ToList();
        }
        if (labels.Any(l => l.Length > Safety.ReadLimits.TitleChars))
        {
            r.TypeError(value, "labels", $"labels of at most {Safety.ReadLimits.TitleChars} characters");
            labels = labels.Select(l => l.Length > Safety.ReadLimits.TitleChars ? l[..Safety.ReadLimits.TitleChars] : l).ToList();
        }
        return labels;
    }

    /// <summary>The front-matter block of a page's text, fences included (empty when it has none).</summary>
    public static string Block(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return "";
        int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 4)];
    }

    /// <summary>Finds the YAML between the opening and closing fences.</summary>
    internal static bool TrySplit(string text, out string yaml)
    {
        yaml = "";
        if (!FirstLineIsFence(text)) return false;
        int lineStart = text.IndexOf('\n') + 1;
        int yamlStart = lineStart;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            string line = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd('\r');
            if (line is "---" or "...")
            {
                yaml = text[yamlStart..lineStart];
                return true;
            }
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private static bool FirstLineIsFence(string text)
    {
        int end = text.IndexOf('\n');
        string first = (end < 0 ? text : text[..end]).TrimEnd('\r', ' ', '\t');
        return first == "---";
    }

    private static List<(string, SourceLocation)> ReadLocatedList(YamlNode node, string key, YamlReader r)
    {
        var result = new List<(string, SourceLocation)>();
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        foreach (var item in items)
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(YamlReader.Text(s))) result.Add((s.Value!.Trim(), r.Positions.At(s)));
            else if (item is not YamlScalarNode) r.TypeError(item, key, "a URL or a list of URLs");
        }
        return result;
    }

    private static List<SourceReference> ReadSources(YamlNode node, YamlReader r)
    {
        var result = new List<SourceReference>();
        if (node is not YamlSequenceNode seq)
        {
            r.TypeError(node, "sources", "a list of sources");
            return result;
        }
        foreach (var item in seq)
        {
            switch (item)
            {
                case YamlScalarNode s when !string.IsNullOrWhiteSpace(YamlReader.Text(s)):
                    result.Add(new SourceReference(s.Value!.Trim(), s.Value!.Trim()) { Location = r.Positions.At(s) });
                    break;
                case YamlMappingNode m:
                    string? url = m.Children.TryGetValue(new YamlScalarNode("url"), out var u) ? r.String(u, "sources.url") : null;
                    string? title = m.Children.TryGetValue(new YamlScalarNode("title"), out var t) ? r.String(t, "sources.title") : null;
                    if (string.IsNullOrWhiteSpace(url)) r.TypeError(m, "sources", "a list of {title, url} entries with a url");
                    else result.Add(new SourceReference(string.IsNullOrWhiteSpace(title) ? url : title.Trim(), url.Trim()) { Location = r.Positions.At(u!) });
                    break;
                default:
                    r.TypeError(item, "sources", "a list of URLs or {title, url} entries");
                    break;
            }
        }
        return result;
    }

    private static Dictionary<string, string> ReadAnchors(YamlNode node, YamlReader r)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Mapping(node, "anchors") is not { } map) return result;
        foreach (var (k, v) in map.Children)
            if (r.Key(k, "of 'anchors'") is { } oldId && r.String(v, $"anchors.{oldId}") is { } current)
                result[oldId] = current;
        return result;
    }
}
