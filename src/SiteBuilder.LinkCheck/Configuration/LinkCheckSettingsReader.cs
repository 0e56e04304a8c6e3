using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.External;
using SiteBuilder.Yaml;
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
        if (!Safety.StrictUtf8.TryDecode(bytes, out string text, out var bad))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(reportedPath, bad.Line, bad.Column),
                $"site.yml is not valid UTF-8 (byte 0x{bytes[bad.Offset]:X2} at offset {bad.Offset}); save it as UTF-8");
            return new LinkCheckSettings();
        }
        return Read(text, reportedPath, diagnostics);
    }

    /// <summary>Reads YAML text.</summary>
    public static LinkCheckSettings Read(string yaml, string reportedPath, DiagnosticBag diagnostics)
    {
        // The shared reader: bounded depth and size, every YamlDotNet failure a diagnostic at its position.
        var positions = new YamlPositions(reportedPath, 0);
        if (YamlReader.Parse(yaml, positions, diagnostics, DiagnosticCodes.ConfigInvalid, DiagnosticCodes.ConfigTooComplex) is not YamlMappingNode root)
            return new LinkCheckSettings();
        if (!root.Children.TryGetValue(new YamlScalarNode("link_check"), out var sectionNode)) return new LinkCheckSettings();
        if (sectionNode is not YamlMappingNode section)
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue, At(reportedPath, sectionNode.Start), "link_check must be a mapping");
            return new LinkCheckSettings();
        }

        var settings = new LinkCheckSettings();
        var context = new Context(reportedPath, diagnostics);
        var reader = new YamlReader(positions, diagnostics, DiagnosticCodes.ConfigValue);
        foreach (var (keyNode, value) in section.Children)
        {
            if (reader.Key(keyNode, "of 'link_check'") is not { } key) continue;
            settings = key switch
            {
                "max_concurrency" => settings with { MaxConcurrency = context.Concurrency(value, key) },
                "host_concurrency" => settings with { HostConcurrency = context.Concurrency(value, key) },
                "interval_ms" => settings with { HostInterval = context.Milliseconds(value, key) },
                "timeout" => settings with { Timeout = context.Seconds(value, key) },
                "max_retries" => settings with { MaxRetries = context.Retries(value, key) },
                "user_agent" => settings with { UserAgent = context.Text(value, key) },
                "accept" => settings with { Accept = context.Codes(value, key) },
                "include" => settings with { Include = context.Patterns(value, key) },
                "exclude" => settings with { Exclude = context.Patterns(value, key) },
                "hosts" => settings with { Hosts = context.Hosts(value, reader) },
                _ => context.Unknown(settings, keyNode, $"link_check.{key}"),
            };
        }
        return settings;
    }

    /// <summary>The most requests in flight, in all or to one host.</summary>
    public const int MaxConcurrency = 1000;
    /// <summary>The most retries of one request.</summary>
    public const int MaxRetries = 100;
    /// <summary>The longest interval between two requests to one host (ten minutes).</summary>
    public const int MaxIntervalMs = 600_000;
    /// <summary>The longest timeout of one request (a day, as for <c>--timeout</c>).</summary>
    public const int MaxTimeoutSeconds = 86_400;

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

        // The upper bounds keep a hostile site.yml from holding CI for days (a retry count, an interval, a timeout) or
        // from asking for more connections than a machine has; each is far above any real setting.
        public int? Concurrency(YamlNode node, string key) => Int(node, key, 1, MaxConcurrency, $"a whole number from 1 to {MaxConcurrency}");

        public int? Retries(YamlNode node, string key) => Int(node, key, 0, MaxRetries, $"a whole number from 0 to {MaxRetries}");

        public TimeSpan? Milliseconds(YamlNode node, string key) =>
            Int(node, key, 0, MaxIntervalMs, $"a whole number of milliseconds from 0 to {MaxIntervalMs}") is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        public TimeSpan? Seconds(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) &&
                s > 0 && s <= MaxTimeoutSeconds)
                return TimeSpan.FromSeconds(s);
            Bad(node, key, $"a number of seconds above 0 and at most {MaxTimeoutSeconds} (a day)");
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

        public IReadOnlyList<string> Patterns(YamlNode node, string key)
        {
            IReadOnlyList<YamlNode> items = node switch
            {
                YamlSequenceNode seq => seq.Children.ToList(),
                YamlScalarNode one => [one],
                _ => [],
            };
            if (node is YamlMappingNode || items.Any(c => c is not YamlScalarNode))
            {
                Bad(node, key, "a list of regular expressions");
                return [];
            }
            var patterns = new List<string>();
            foreach (var item in items.Cast<YamlScalarNode>())
            {
                string pattern = item.Value ?? "";
                // Checked here, where its line is known; the link checker compiles it again with a match timeout.
                try { _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant); }
                catch (ArgumentException ex)
                {
                    Bad(item, key, $"a list of regular expressions; '{pattern}' is not one ({ex.Message})");
                    continue;
                }
                patterns.Add(pattern);
            }
            return patterns;
        }

        public IReadOnlyDictionary<string, HostOverride> Hosts(YamlNode node, YamlReader reader)
        {
            var hosts = new Dictionary<string, HostOverride>(StringComparer.OrdinalIgnoreCase);
            if (node is not YamlMappingNode map)
            {
                Bad(node, "hosts", "a mapping of host names");
                return hosts;
            }
            foreach (var (hostNode, value) in map.Children)
            {
                if (reader.Key(hostNode, "of 'link_check.hosts'") is not { } host) continue;
                if (value is not YamlMappingNode entry)
                {
                    Bad(value, $"hosts.{host}", "a mapping with concurrency and interval_ms");
                    continue;
                }
                int? concurrency = null;
                TimeSpan? interval = null;
                foreach (var (k, v) in entry.Children)
                {
                    if (reader.Key(k, $"of 'link_check.hosts.{host}'") is not { } name) continue;
                    if (name == "concurrency") concurrency = Concurrency(v, $"hosts.{host}.concurrency");
                    else if (name == "interval_ms") interval = Milliseconds(v, $"hosts.{host}.interval_ms");
                    else diagnostics.Warning(DiagnosticCodes.ConfigUnknownKey, At(path, k.Start), $"unknown key 'link_check.hosts.{host}.{name}'");
                }
                hosts[host] = new HostOverride(concurrency, interval);
            }
            return hosts;
        }

        private int? Int(YamlNode node, string key, int min, int max, string expected)
        {
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int n) &&
                n >= min && n <= max) return n;
            Bad(node, key, expected);
            return null;
        }

        private void Bad(YamlNode node, string key, string expected) =>
            diagnostics.Error(DiagnosticCodes.ConfigValue, At(path, node.Start), $"link_check.{key} must be {expected}");
    }
}
