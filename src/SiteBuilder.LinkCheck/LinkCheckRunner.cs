using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Collecting;
using SiteBuilder.LinkCheck.External;
using SiteBuilder.LinkCheck.Internal;
using SiteBuilder.Output;

namespace SiteBuilder.LinkCheck;

/// <summary>
/// One link-check run: collect every link of the built site (AngleSharp), place each at its
/// Markdown source through the source map, check internal links against the files, check external
/// links over HTTP (each URL once), and return one result per occurrence. Never prints.
/// </summary>
public static class LinkCheckRunner
{
    private sealed record Occurrence(HtmlLink Link, LinkKind Kind, string? AbsoluteUrl, SourceLocation Source, SourceLocation Html, string Page, string? PageSource);

    /// <summary>Runs the check.</summary>
    /// <param name="options">What to check.</param>
    /// <param name="progress">Receives progress of the external checks, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="DirectoryNotFoundException">The site folder does not exist.</exception>
    /// <exception cref="FormatException">The source map is malformed.</exception>
    public static async Task<LinkCheckReport> RunAsync(LinkCheckOptions options, IProgress<LinkCheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string site = Path.GetFullPath(options.SiteDirectory), source = Path.GetFullPath(options.SourceDirectory);
        if (!Directory.Exists(site)) throw new DirectoryNotFoundException($"site folder '{options.SiteDirectory}' does not exist");
        var documents = LinkCollector.CollectSite(site);
        var map = SourceMapSerializer.ReadFile(Path.Combine(source, SourceMap.RelativePath));
        var occurrences = Locate(documents, map, site, source);

        var results = new List<LinkResult>(occurrences.Count);
        var internalChecker = new InternalLinkChecker(site, documents);
        var external = new List<Occurrence>();
        int skipped = 0;
        foreach (var o in occurrences)
        {
            if (o.Kind == LinkKind.Internal)
            {
                var (status, message) = internalChecker.Check(o.Page, o.Link.Href);
                results.Add(new LinkResult(o.Link.Href, LinkKind.Internal, status, null, o.Source, o.Html, o.Page, o.PageSource, message));
            }
            else if (options.Offline || !IsChanged(o, map, options.ChangedSources))
            {
                skipped++;
            }
            else
            {
                external.Add(o);
            }
        }

        int requests = 0;
        if (external.Count > 0)
        {
            using var checker = new ExternalLinkChecker(options.External, options.Cache);
            var unique = external.Select(o => LinkClassifier.WithoutFragment(o.AbsoluteUrl!)).Distinct(StringComparer.Ordinal).ToList();
            int done = 0;
            var verdicts = await Task.WhenAll(unique.Select(async url =>
            {
                var verdict = await checker.CheckAsync(url, cancellationToken).ConfigureAwait(false);
                progress?.Report(new LinkCheckProgress(Interlocked.Increment(ref done), unique.Count, url));
                return verdict;
            })).ConfigureAwait(false);
            var byUrl = verdicts.ToDictionary(v => v.Url, StringComparer.Ordinal);
            foreach (var o in external)
            {
                var v = byUrl[LinkClassifier.WithoutFragment(o.AbsoluteUrl!)];
                results.Add(new LinkResult(o.AbsoluteUrl!, LinkKind.External, v.Status, v.Code, o.Source, o.Html, o.Page, o.PageSource, v.Message, v.RedirectedTo));
            }
            requests = checker.RequestsSent;
        }

        results.Sort((a, b) =>
        {
            int c = a.Source.CompareTo(b.Source);
            return c != 0 ? c : string.CompareOrdinal(a.Url, b.Url);
        });
        return new LinkCheckReport(results, documents.Count, skipped, requests);
    }

    private static List<Occurrence> Locate(IReadOnlyList<HtmlDocumentLinks> documents, SourceMap? map, string site, string source)
    {
        var occurrences = new List<Occurrence>();
        foreach (var doc in documents)
        {
            string htmlPath = Path.GetRelativePath(source, Path.Combine(site, doc.Path)).Replace('\\', '/');
            var locator = new SourceLocator(map?.Find(doc.Path), htmlPath);
            foreach (var link in doc.Links)
            {
                // Every link consumes its source-map entry in order, checked or not, so later links still line up.
                var where = locator.Locate(link);
                var kind = LinkClassifier.Classify(link.Href, out string? absolute);
                if (kind is null) continue;
                occurrences.Add(new Occurrence(link, kind.Value, absolute, where, locator.HtmlLocation(link), doc.Path, locator.PageSource));
            }
        }
        return occurrences;
    }

    private static bool IsChanged(Occurrence o, SourceMap? map, IReadOnlySet<string>? changed)
    {
        if (changed is null) return true;
        // Without a source map no page can be tied to its source: check everything rather than miss a change.
        if (map is null) return true;
        return o.PageSource is not null && changed.Contains(o.PageSource);
    }
}
