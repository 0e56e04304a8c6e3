using System.IO.Compression;
using System.Text;
using SiteBuilder.Output;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Search;

/// <summary>
/// Builds the site's search files: <c>search/index.json</c> (a lunr 2.3.9 index), <c>search/documents.json</c>
/// (url, title, section and excerpt per result), <c>search/search-data.js</c> (both as a script, because browsers
/// refuse <c>fetch</c> of JSON from <c>file://</c> but do run scripts), and <c>search/lunr.min.js</c> from the npm package.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The manifest name of the embedded lunr.min.js (see SiteBuilder.csproj).</summary>
    public const string LunrResourceName = "SiteBuilder.Search.lunr.min.js";

    /// <summary>The files in memory. Byte-stable: documents are taken in ordinal order of <see cref="SearchDocument.Ref"/>.</summary>
    public static SearchIndexResult Build(IReadOnlyList<SearchDocument> documents, SearchOptions options)
    {
        var output = new MemoryOutput();
        var result = Write(documents, options, output);
        return result with { Files = Paths.Select(p => new SearchOutputFile(p, output.Files[p])).ToList() };
    }

    /// <summary>The paths of the files, in the order <see cref="Build"/> lists them.</summary>
    public static readonly IReadOnlyList<string> Paths = ["search/index.json", "search/documents.json", "search/search-data.js", "search/lunr.min.js"];

    /// <summary>
    /// Writes the files to <paramref name="output"/>, the index in one pass through its JSON (no copy of it is held
    /// in memory: at 10 000 pages it is ~70 MB, and its script form as much again). Byte-stable as <see cref="Build"/>.
    /// </summary>
    public static SearchIndexResult Write(IReadOnlyList<SearchDocument> documents, SearchOptions options, SiteOutput output)
    {
        var docs = documents.OrderBy(d => d.Ref, StringComparer.Ordinal).ToList();
        // The lunr ref is the document's ordinal: refs repeat in every posting, so short refs keep the index small.
        var builder = new IndexBuilder().Ref("i")
            .Field("title", options.TitleBoost)
            .Field("headings", options.HeadingsBoost)
            .Field("body")
            .Field("labels", options.LabelsBoost)
            .Field("section", options.SectionBoost);
        var excerpts = new string[docs.Count];
        builder.AddRange(docs.Count, i =>
        {
            var d = docs[i];
            string body = d.Body;
            excerpts[i] = Excerpt(body, options.ExcerptLength);
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
        var index = builder.Build();
        var documentsJson = DocumentsJson(docs, excerpts);

        using var indexFile = Open(output, Paths[0]);
        using var scriptFile = Open(output, Paths[2]);
        var scriptCount = new CountingStream();
        var scriptOut = new TeeStream(scriptFile, scriptCount);
        // JSON.parse of a string literal, not an object literal: V8 parses a large index about 4× faster that way.
        scriptOut.Write("window.SITEBUILDER_SEARCH=JSON.parse('"u8);
        var inString = new JsStringStream(scriptOut);
        inString.Write("{\"index\":"u8);
        using var gzip = new GzipSizeStream(CompressionLevel.Optimal);
        var indexOut = new TeeStream(indexFile, inString, gzip);
        index.WriteJson(indexOut);
        long indexBytes = indexOut.Count;
        inString.Write(",\"documents\":"u8);
        inString.Write(documentsJson);
        inString.Flush();
        scriptOut.Write("}');\n"u8);
        if (!output.TryAdd(Paths[1], documentsJson)) throw Claimed(Paths[1]);
        if (!output.TryAdd(Paths[3], LunrMinJs())) throw Claimed(Paths[3]);
        return new SearchIndexResult([], docs.Count, index.TermCount, indexBytes, gzip.Finish(), scriptCount.Count);
    }

    private static Stream Open(SiteOutput output, string path) => output.Create(path) ?? throw Claimed(path);

    private static InvalidOperationException Claimed(string path) => new($"two build outputs claim '{path}'");

    /// <summary>The lunr.min.js of npm lunr@2.3.9, embedded at build time.</summary>
    public static byte[] LunrMinJs()
    {
        using var stream = typeof(SearchIndexWriter).Assembly.GetManifestResourceStream(LunrResourceName)
            ?? throw new InvalidOperationException($"{LunrResourceName} is not embedded: build SiteBuilder with node_modules/lunr installed (npm ci).");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] DocumentsJson(List<SearchDocument> docs, string[] excerpts)
    {
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms, new System.Text.Json.JsonWriterOptions
               {
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartArray();
            for (var i = 0; i < docs.Count; i++)
            {
                var d = docs[i];
                w.WriteStartObject();
                w.WriteString("url", d.Url);
                w.WriteString("title", d.Title);
                if (d.Section != null) w.WriteString("section", d.Section);
                w.WriteString("excerpt", excerpts[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
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
