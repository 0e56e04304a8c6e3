using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Linking;

/// <summary>
/// Maps statswiki (Confluence) addresses to the pages that mirror them, from each page's
/// <c>statswiki:</c> front matter and each section's <c>statswiki_space</c> (whose space root,
/// <c>/display/SPACE</c>, is the section's index page unless a page claims it). Immutable once built.
/// </summary>
public sealed class StatswikiUrlMap
{
    private readonly Dictionary<string, StatswikiMapping> _byKey;

    private StatswikiUrlMap(Dictionary<string, StatswikiMapping> byKey) => _byKey = byKey;

    /// <summary>An empty map.</summary>
    public static StatswikiUrlMap Empty { get; } = new(new Dictionary<string, StatswikiMapping>(StringComparer.Ordinal));

    /// <summary>Every mapping, ordered by key (ordinal), for redirects.</summary>
    public IReadOnlyList<StatswikiMapping> Mappings =>
        _byKey.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();

    /// <summary>
    /// Builds the map. A malformed address, or one already claimed by another page (in any spelling),
    /// is an SB0109 error at the second occurrence, in page path order.
    /// </summary>
    public static StatswikiUrlMap Build(IEnumerable<Page> pages, SiteConfig config, DiagnosticBag diagnostics)
    {
        var byKey = new Dictionary<string, StatswikiMapping>(StringComparer.Ordinal);
        var ordered = pages.OrderBy(p => p.SourcePath, StringComparer.Ordinal).ToList();
        foreach (var page in ordered)
        {
            foreach (var (url, at) in page.FrontMatter.Statswiki)
            {
                var parsed = StatswikiUrl.TryParse(url);
                if (parsed is null)
                {
                    diagnostics.Error(DiagnosticCodes.StatswikiUrl, at,
                        $"'{url}' is not a statswiki page address; use https://{StatswikiUrl.Host}/display/SPACE/Page+Title, " +
                        $"/display/SPACE or /pages/viewpage.action?pageId=N");
                    continue;
                }
                if (byKey.TryGetValue(parsed.Key, out var first))
                {
                    string who = first.Page == page ? "this page already" : first.Page.SourcePath;
                    diagnostics.Error(DiagnosticCodes.StatswikiUrl, at,
                        $"statswiki address '{url}' is already mirrored by {who} (as '{first.Url}'); a statswiki page has one mirror");
                    continue;
                }
                byKey[parsed.Key] = new StatswikiMapping(url, parsed, page, Declared: true);
            }
        }
        // A section that mirrors a space answers for the space root, unless a page claimed it explicitly.
        foreach (var section in config.Sections.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(section.StatswikiSpace)) continue;
            var index = ordered.FirstOrDefault(p => p.RelativePath == section.Key + "/index.md");
            string url = $"https://{StatswikiUrl.Host}/display/{Uri.EscapeDataString(section.StatswikiSpace.Trim())}";
            if (index is null || StatswikiUrl.TryParse(url) is not { } parsed || byKey.ContainsKey(parsed.Key)) continue;
            byKey[parsed.Key] = new StatswikiMapping(url, parsed, index, Declared: false);
        }
        return new StatswikiUrlMap(byKey);
    }

    /// <summary>The mapping of a statswiki address, in any spelling; null when it has no mirror here.</summary>
    public StatswikiMapping? Find(string url) =>
        StatswikiUrl.TryParse(url) is { } parsed ? _byKey.GetValueOrDefault(parsed.Key) : null;
}
