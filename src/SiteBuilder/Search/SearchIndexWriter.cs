using System.Text;
using SiteBuilder.Output;
using SiteBuilder.Search.Lunr;
using SiteBuilder.Search.Shards;

namespace SiteBuilder.Search;

/// <summary>
/// Builds the site's search files under <c>search/</c>: the sharded lunr 2.3.9 index (<see cref="ShardWriter"/>:
/// manifest, term shards, dictionary, document shards), the loader <c>sb-search.js</c> that reads it, and
/// <c>lunr.min.js</c> from the npm package; with <see cref="SearchOptions.WriteIndexJson"/>, also the whole index as
/// <c>search/index.json</c>, for tools that load a classic lunr index.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The manifest name of the embedded lunr.min.js (see SiteBuilder.csproj).</summary>
    public const string LunrResourceName = "SiteBuilder.Search.lunr.min.js";

    /// <summary>The manifest name of the embedded loader, <c>Search/sb-search.js</c>.</summary>
    public const string LoaderResourceName = "SiteBuilder.Search.sb-search.js";

    /// <summary>The folder of the search files in the site.</summary>
    public const string Folder = "search/";

    /// <summary>Results a search box shows, which the per-query budget counts the document shards of.</summary>
    public const int ShownResults = 10;

    /// <summary>The files in memory, in the order written. Byte-stable: documents are taken in ordinal order of <see cref="SearchDocument.Ref"/>.</summary>
    public static SearchIndexResult Build(IReadOnlyList<SearchDocument> documents, SearchOptions options)
    {
        var files = new List<SearchOutputFile>();
        var result = Write(documents, options, (path, content) => files.Add(new SearchOutputFile(path, content)));
        return result with { Files = files };
    }

    /// <summary>Writes the files to <paramref name="output"/>. Byte-stable as <see cref="Build"/>.</summary>
    public static SearchIndexResult Write(IReadOnlyList<SearchDocument> documents, SearchOptions options, SiteOutput output) =>
        Write(documents, options, (path, content) =>
        {
            if (!output.TryAdd(path, content)) throw new InvalidOperationException($"two build outputs claim '{path}'");
        });

    /// <summary>Hands the files to <paramref name="add"/> (path, content), one at a time on this thread. Byte-stable as <see cref="Build"/>.</summary>
    public static SearchIndexResult Write(IReadOnlyList<SearchDocument> documents, SearchOptions options, Action<string, byte[]> add)
    {
        var docs = documents.OrderBy(d => d.Ref, StringComparer.Ordinal).ToList();
        var boosts = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["title"] = options.TitleBoost, ["headings"] = options.HeadingsBoost, ["body"] = 1,
            ["labels"] = options.LabelsBoost, ["section"] = options.SectionBoost,
        };
        // The lunr ref is the document's ordinal: the loader finds a document's shard by arithmetic.
        var builder = new IndexBuilder().Ref("i");
        foreach (var (field, boost) in boosts) builder.Field(field, boost);
        var rows = new DocumentRow[docs.Count];
        builder.AddRange(docs.Count, i =>
        {
            var d = docs[i];
            string body = d.Body;
            rows[i] = new DocumentRow(d.Url, d.Title, d.Section, Excerpt(body, options.ExcerptLength));
            return new Dictionary<string, object?>
            {
                ["i"] = (double)i,
                ["title"] = d.Title,
                ["headings"] = string.Join("\n", d.Headings),
                ["body"] = body,
                // Labels are split like text so "labour-mobility" finds "labour" too.
                ["labels"] = string.Join("\n", d.Labels),
                ["section"] = d.Section,
            };
        });
        // Only for index.json, before the shards' postings empty the builder: they need none of what Build adds.
        var index = options.WriteIndexJson ? builder.Build() : null;
        var postings = builder.TakeScoredPostings();

        long total = 0, totalGzip = 0;
        int count = 0;
        void AddFile(string path, byte[] content, long gzip)
        {
            add(path, content);
            total += content.Length;
            totalGzip += gzip;
            count++;
        }
        var shards = ShardWriter.Write(postings, rows, boosts, Folder, add, options.TailSizes);
        foreach (var f in shards.Files)
        {
            total += f.Bytes;
            totalGzip += f.GzipBytes;
            count++;
        }
        var lunr = LunrMinJs();
        var loader = Loader();
        long lunrGzip = ShardWriter.GzipSize(lunr), loaderGzip = ShardWriter.GzipSize(loader);
        AddFile(Folder + "lunr.min.js", lunr, lunrGzip);
        AddFile(Folder + "sb-search.js", loader, loaderGzip);
        if (index is not null)
        {
            var json = index.ToJsonBytes();
            AddFile(Folder + "index.json", json, ShardWriter.GzipSize(json));
        }
        return new SearchIndexResult([], docs.Count, postings.Terms.Count, count, total, totalGzip, LargestQuery(shards, lunrGzip + loaderGzip));
    }

    /// <summary>
    /// The most a one-word query can fetch, gzipped: lunr.min.js, the loader, the manifest, the word's term shard and
    /// every <c>more/</c> file of its tail (all its parts: a search that only the whole list decides reads them all), and
    /// the document shards of the results a box shows (the largest ones).
    /// </summary>
    private static SearchQueryCost LargestQuery(ShardSet shards, long fixedGzip)
    {
        var byId = shards.Files.ToDictionary(f => f.Id, StringComparer.Ordinal);
        long baseBytes = fixedGzip + byId["manifest"].GzipBytes + shards.Files.Where(f => f.Id.StartsWith("docs/", StringComparison.Ordinal))
            .Select(f => f.GzipBytes).OrderDescending().Take(ShownResults).Sum();
        var worst = new SearchQueryCost("", baseBytes);
        for (var t = 0; t < shards.TermCount; t++)
        {
            long bytes = baseBytes + byId["terms/" + shards.TermShardOf[t]].GzipBytes +
                         shards.MoreShardOf[t].Sum(n => byId["more/" + n].GzipBytes);
            if (bytes > worst.GzipBytes) worst = new SearchQueryCost(shards.Terms[t], bytes);
        }
        return worst;
    }

    /// <summary>The loader, <c>search/sb-search.js</c>, embedded at build time.</summary>
    public static byte[] Loader() => Resource(LoaderResourceName);

    /// <summary>The lunr.min.js of npm lunr@2.3.9, embedded at build time.</summary>
    public static byte[] LunrMinJs() => Resource(LunrResourceName);

    private static byte[] Resource(string name)
    {
        using var stream = typeof(SearchIndexWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded: build SiteBuilder with node_modules/lunr installed (npm ci).");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>The start of <paramref name="body"/>, whitespace collapsed, cut at a word boundary with an ellipsis.</summary>
    public static string Excerpt(string body, int maxLength)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c)) space = sb.Length > 0;
            else
            {
                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
            if (sb.Length > maxLength + 1) break;
        }
        if (sb.Length <= maxLength) return sb.ToString();
        var cut = sb.ToString(0, maxLength);
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > maxLength / 2) cut = cut[..lastSpace];
        // Never split a surrogate pair.
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut.TrimEnd(',', ';', ':', '.', ' ') + "…";
    }
}
