using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteBuilder.Output;

/// <summary>
/// Reads and writes <see cref="SourceMap"/> JSON. Output is byte-stable: pages sorted by key
/// (ordinal), links in document order, two-space indentation, LF line ends.
/// </summary>
public static class SourceMapSerializer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Hrefs keep their '&', '<' and non-ASCII characters readable; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Serializes a map to JSON text.</summary>
    public static string ToJson(SourceMap map)
    {
        using var stream = new MemoryStream();
        Write(stream, map);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a map as JSON (UTF-8, ending with a line feed) to a stream.</summary>
    public static void Write(Stream stream, SourceMap map)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", map.Version);
            writer.WriteString("output", map.Output);
            writer.WriteStartObject("pages");
            foreach (var (key, page) in map.Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(key);
                writer.WriteString("source", page.Source);
                writer.WriteStartArray("links");
                foreach (var link in page.Links)
                {
                    writer.WriteStartObject();
                    writer.WriteString("href", link.Href);
                    writer.WriteNumber("line", link.Line);
                    writer.WriteNumber("column", link.Column);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Parses JSON text. Throws <see cref="FormatException"/> when it is not a source map of a known version.</summary>
    public static SourceMap FromJson(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new FormatException($"source map is not valid JSON: {ex.Message}", ex); }
        if (root is not JsonObject obj) throw new FormatException("source map must be a JSON object");
        int version = obj["version"]?.GetValue<int>() ?? 0;
        if (version != SourceMap.CurrentVersion)
            throw new FormatException($"source map version {version} is not supported (expected {SourceMap.CurrentVersion})");
        string output = obj["output"]?.GetValue<string>() ?? "_site";
        var pages = new Dictionary<string, SourceMapPage>(StringComparer.Ordinal);
        if (obj["pages"] is JsonObject pagesObj)
        {
            foreach (var (key, value) in pagesObj)
            {
                if (value is not JsonObject pageObj) throw new FormatException($"source map page '{key}' must be an object");
                string source = pageObj["source"]?.GetValue<string>() ?? throw new FormatException($"source map page '{key}' has no source");
                var links = new List<SourceMapLink>();
                if (pageObj["links"] is JsonArray linksArray)
                {
                    foreach (var item in linksArray)
                    {
                        if (item is not JsonObject l) throw new FormatException($"source map page '{key}' has a link that is not an object");
                        links.Add(new SourceMapLink(
                            l["href"]?.GetValue<string>() ?? "",
                            l["line"]?.GetValue<int>() ?? 0,
                            l["column"]?.GetValue<int>() ?? 0));
                    }
                }
                pages[key.Replace('\\', '/')] = new SourceMapPage(source, links);
            }
        }
        return new SourceMap(version, output, pages);
    }

    /// <summary>Reads a map from a file; null when the file does not exist.</summary>
    public static SourceMap? ReadFile(string path) =>
        File.Exists(path) ? FromJson(File.ReadAllText(path, Encoding.UTF8)) : null;

    /// <summary>Writes a map to a file (UTF-8, no BOM), creating its folder.</summary>
    public static void WriteFile(string path, SourceMap map)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        // Streamed: at 10 000 pages the map is ~17 MB of JSON.
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, map);
    }
}
