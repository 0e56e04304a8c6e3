using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck.Caching;

/// <summary>
/// External results kept between runs (<c>--cache FILE</c>). Only good results (ok, redirected)
/// are kept and reused, and only while younger than the maximum age: failures and unverifiable
/// links are always checked again. Thread-safe.
/// </summary>
public sealed class LinkCache
{
    private readonly ConcurrentDictionary<string, LinkCacheEntry> _entries;

    /// <summary>How old a result may be and still be reused.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Creates an empty cache.</summary>
    public LinkCache(TimeSpan maxAge, IEnumerable<KeyValuePair<string, LinkCacheEntry>>? entries = null)
    {
        MaxAge = maxAge;
        _entries = new ConcurrentDictionary<string, LinkCacheEntry>(entries ?? [], StringComparer.Ordinal);
    }

    /// <summary>How many entries the cache holds.</summary>
    public int Count => _entries.Count;

    /// <summary>A fresh good result for the URL, or null.</summary>
    public UrlCheckResult? TryGet(string url, DateTimeOffset now) =>
        _entries.TryGetValue(url, out var e) && e.Status.IsGood() && now - e.CheckedAt <= MaxAge && e.CheckedAt <= now
            ? new UrlCheckResult(url, e.Status, e.Code, e.Status == LinkStatus.Redirected ? "moved permanently" : null, e.RedirectedTo)
            : null;

    /// <summary>Remembers a good result; forgets the URL when the result is not good.</summary>
    public void Record(UrlCheckResult result, DateTimeOffset now)
    {
        if (result.Status.IsGood()) _entries[result.Url] = new LinkCacheEntry(result.Status, result.Code, result.RedirectedTo, now);
        else _entries.TryRemove(result.Url, out _);
    }

    /// <summary>Loads a cache file; an empty cache when the file does not exist.</summary>
    /// <exception cref="FormatException">The file is not a cache file.</exception>
    public static LinkCache Load(string path, TimeSpan maxAge)
    {
        if (!File.Exists(path)) return new LinkCache(maxAge);
        var entries = new List<KeyValuePair<string, LinkCacheEntry>>();
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8))?.AsObject() ?? throw new FormatException("empty cache file");
            if (root["entries"] is JsonObject items)
            {
                foreach (var (url, node) in items)
                {
                    if (node is not JsonObject o || !LinkStatusNames.TryParse(o["status"]?.GetValue<string>(), out var status)) continue;
                    entries.Add(KeyValuePair.Create(url, new LinkCacheEntry(
                        status,
                        o["code"]?.GetValue<int?>(),
                        o["redirectedTo"]?.GetValue<string?>(),
                        DateTimeOffset.Parse(o["checkedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new FormatException($"'{path}' is not a link cache file: {ex.Message}", ex);
        }
        return new LinkCache(maxAge, entries);
    }

    /// <summary>Writes the cache (URLs sorted), creating the folder.</summary>
    public void Save(string path)
    {
        var items = new JsonObject();
        foreach (var (url, e) in _entries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            items[url] = new JsonObject
            {
                ["status"] = e.Status.ToName(),
                ["code"] = e.Code,
                ["redirectedTo"] = e.RedirectedTo,
                ["checkedAt"] = e.CheckedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        var root = new JsonObject { ["version"] = 1, ["entries"] = items };
        WriteJson(path, root);
    }

    internal static void WriteJson(string path, JsonNode root)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        // Written beside it and renamed over it: a run that stops half-way, or another run reading it meanwhile
        // (CI jobs may share a cache), never sees half a file.
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
