using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SiteBuilder.LinkCheck.Caching;

namespace SiteBuilder.LinkCheck.Ledger;

/// <summary>
/// Link-health ledger (<c>--ledger FILE</c>): per external URL, the verdict of each run and how
/// many runs in a row found it broken. The scheduled policy fails only on links broken for N
/// consecutive runs, so one flaky night does not raise an alarm. A broken run adds one; an ok or
/// redirected run resets to zero; an unverifiable or excluded run changes nothing (it says nothing
/// about the link). Not thread-safe.
/// </summary>
public sealed class LinkLedger
{
    /// <summary>Runs kept per URL.</summary>
    public const int HistoryLength = 20;

    private readonly SortedDictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Every URL's entry, sorted by URL.</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Entries => _entries;

    /// <summary>The entry of a URL (fragment removed), or null.</summary>
    public LedgerEntry? Get(string url) => _entries.GetValueOrDefault(Collecting.LinkClassifier.WithoutFragment(url));

    /// <summary>Records one run: the verdict of each external URL checked (occurrences of one URL count once).</summary>
    public void RecordRun(IEnumerable<LinkResult> results, DateTimeOffset at)
    {
        var byUrl = results.Where(r => r.Kind == LinkKind.External)
            .GroupBy(r => Collecting.LinkClassifier.WithoutFragment(r.Url), StringComparer.Ordinal);
        foreach (var group in byUrl)
        {
            var r = group.First();
            var previous = _entries.GetValueOrDefault(group.Key) ?? new LedgerEntry(0, []);
            int failures = r.Status switch
            {
                LinkStatus.Broken => previous.ConsecutiveFailures + 1,
                LinkStatus.Ok or LinkStatus.Redirected => 0,
                _ => previous.ConsecutiveFailures,
            };
            var history = previous.History.Append(new LedgerRun(at, r.Status, r.Code)).TakeLast(HistoryLength).ToList();
            _entries[group.Key] = new LedgerEntry(failures, history);
        }
    }

    /// <summary>Loads a ledger; an empty one when the file does not exist.</summary>
    /// <exception cref="FormatException">The file is not a ledger.</exception>
    public static LinkLedger Load(string path)
    {
        var ledger = new LinkLedger();
        if (!File.Exists(path)) return ledger;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8))?.AsObject() ?? throw new FormatException("empty ledger file");
            if (root["urls"] is not JsonObject urls) return ledger;
            foreach (var (url, node) in urls)
            {
                var o = node!.AsObject();
                var history = new List<LedgerRun>();
                foreach (var run in o["history"]?.AsArray() ?? [])
                {
                    if (!LinkStatusNames.TryParse(run!["status"]?.GetValue<string>(), out var status)) continue;
                    history.Add(new LedgerRun(
                        DateTimeOffset.Parse(run["at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                        status,
                        run["code"]?.GetValue<int?>()));
                }
                ledger._entries[url] = new LedgerEntry(o["consecutiveFailures"]?.GetValue<int>() ?? 0, history);
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new FormatException($"'{path}' is not a link ledger file: {ex.Message}", ex);
        }
        return ledger;
    }

    /// <summary>Writes the ledger (URLs sorted), creating the folder.</summary>
    public void Save(string path)
    {
        var urls = new JsonObject();
        foreach (var (url, entry) in _entries)
        {
            var history = new JsonArray();
            foreach (var run in entry.History)
            {
                history.Add(new JsonObject
                {
                    ["at"] = run.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                    ["status"] = run.Status.ToName(),
                    ["code"] = run.Code,
                });
            }
            urls[url] = new JsonObject { ["consecutiveFailures"] = entry.ConsecutiveFailures, ["history"] = history };
        }
        LinkCache.WriteJson(path, new JsonObject { ["version"] = 1, ["urls"] = urls });
    }
}
