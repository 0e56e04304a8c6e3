using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.External;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.LinkCheck.Configuration;

/// <summary>
/// Reads the <c>link_check:</c> section of <c>site.yml</c>, ignoring the rest of the file. Problems
/// become diagnostics (SB0001 malformed file, SB0002 bad value, SB0003 unknown key) at 1-based positions.
/// </summary>
public static class LinkCheckSettingsReader
{
    /// <summary>Reads <c>site.yml</c>; empty settings when the file does not exist or has no section.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="reportedPath">The path to report in diagnostics (e.g. <c>site.yml</c>).</param>
    /// <param name="diagnostics">Receives problems.</param>
    public static LinkCheckSettings ReadFile(string path, string reportedPath, DiagnosticBag diagnostics)
    {
        // Read through the source tree: a site.yml that is a link out of its folder, a pipe or too large is not read.
        var source = new Safety.SourceTree(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string name = Path.GetFileName(path);
        if (source.Check(name).Kind == Safety.SourceEntryKind.Missing) return new LinkCheckSettings();
        if (!source.TryRead(name, Safety.ReadLimits.SettingsBytes, out byte[] bytes, out var problem))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(reportedPath, 1, 1), "not read: " + problem.Message);
            return new LinkCheckSettings();
        }
        return Read(System.Text.Encoding.UTF8.GetString(bytes), reportedPath, diagnostics);
    }

    /// <summary>Reads YAML text.</summary>
    public static LinkCheckSettings Read(string yaml, string reportedPath, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, At(reportedPath, ex.Start), $"site.yml is not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return new LinkCheckSettings();
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return new LinkCheckSettings();
        if (!root.Children.TryGetValue(new YamlScalarNode("link_check"), out var sectionNode)) return new LinkCheckSettings();
        if (sectionNode is not YamlMappingNode section)
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue, At(reportedPath, sectionNode.Start), "link_check must be a mapping");
            return new LinkCheckSettings();
        }

        var settings = new LinkCheckSettings();
        var context = new Context(reportedPath, diagnostics);
        foreach (var (keyNode, value) in section.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            settings = key switch
            {
                "max_concurrency" => settings with { MaxConcurrency = context.PositiveInt(value, key) },
                "host_concurrency" => settings with { HostConcurrency = context.PositiveInt(value, key) },
                "interval_ms" => settings with { HostInterval = context.Milliseconds(value, key) },
                "timeout" => settings with { Timeout = context.Seconds(value, key) },
                "max_retries" => settings with { MaxRetries = context.NonNegativeInt(value, key) },
                "user_agent" => settings with { UserAgent = context.Text(value, key) },
                "accept" => settings with { Accept = context.Codes(value, key) },
                "include" => settings with { Include = context.List(value, key) },
                "exclude" => settings with { Exclude = context.List(value, key) },
                "hosts" => settings with { Hosts = context.Hosts(value) },
                _ => context.Unknown(settings, keyNode, $"link_check.{key}"),
            };
        }
        return settings;
    }

    private static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    private sealed class Context(string path, DiagnosticBag diagnostics)
    {
        public LinkCheckSettings Unknown(LinkCheckSettings settings, YamlNode node, string key)
        {
            diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, At(path, node.Start), $"unknown key '{key}'");
            return settings;
        }

        public string? Text(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } v }) return v;
            Bad(node, key, "a string");
            return null;
        }

        public int? PositiveInt(YamlNode node, string key) => Int(node, key, 1, "a whole number of at least 1");

        public int? NonNegativeInt(YamlNode node, string key) => Int(node, key, 0, "a whole number of at least 0");

        public TimeSpan? Milliseconds(YamlNode node, string key) =>
            Int(node, key, 0, "a whole number of milliseconds") is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        public TimeSpan? Seconds(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) && s > 0)
                return TimeSpan.FromSeconds(s);
            Bad(node, key, "a positive number of seconds");
            return null;
        }

        public StatusCodeSet? Codes(YamlNode node, string key)
        {
            try
            {
                if (node is YamlScalarNode { Value: { } v }) return StatusCodeSet.Parse(v);
                if (node is YamlSequenceNode seq) return StatusCodeSet.Parse(string.Join(',', seq.Children.OfType<YamlScalarNode>().Select(c => c.Value)));
            }
            catch (FormatException)
            {
            }
            Bad(node, key, "status codes such as 200..299,403");
            return null;
        }

        public IReadOnlyList<string> List(YamlNode node, string key)
        {
            if (node is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode))
                return seq.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "").ToList();
            if (node is YamlScalarNode { Value: { } one }) return [one];
            Bad(node, key, "a list of regular expressions");
            return [];
        }

        public IReadOnlyDictionary<string, HostOverride> Hosts(YamlNode node)
        {
            var hosts = new Dictionary<string, HostOverride>(StringComparer.OrdinalIgnoreCase);
            if (node is not YamlMappingNode map)
            {
                Bad(node, "hosts", "a mapping of host names");
                return hosts;
            }
            foreach (var (hostNode, value) in map.Children)
            {
                string host = ((YamlScalarNode)hostNode).Value ?? "";
                if (value is not YamlMappingNode entry)
                {
                    Bad(value, $"hosts.{host}", "a mapping with concurrency and interval_ms");
                    continue;
                }
                int? concurrency = null;
                TimeSpan? interval = null;
                foreach (var (k, v) in entry.Children)
                {
                    string name = ((YamlScalarNode)k).Value ?? "";
                    if (name == "concurrency") concurrency = PositiveInt(v, $"hosts.{host}.concurrency");
                    else if (name == "interval_ms") interval = Milliseconds(v, $"hosts.{host}.interval_ms");
                    else diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, At(path, k.Start), $"unknown key 'link_check.hosts.{host}.{name}'");
                }
                hosts[host] = new HostOverride(concurrency, interval);
            }
            return hosts;
        }

        private int? Int(YamlNode node, string key, int min, string expected)
        {
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, out int n) && n >= min) return n;
            Bad(node, key, expected);
            return null;
        }

        private void Bad(YamlNode node, string key, string expected) =>
            diagnostics.Error(DiagnosticCodes.ConfigValue, At(path, node.Start), $"link_check.{key} must be {expected}");
    }
}
