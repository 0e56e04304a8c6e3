using System.IO.Compression;
using System.Text;
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

    /// <summary>Builds the files. Byte-stable: documents are taken in ordinal order of <see cref="SearchDocument.Ref"/>.</summary>
    public static SearchIndexResult Build(IReadOnlyList<SearchDocument> documents, SearchOptions options)
    {
        var docs = documents.OrderBy(d => d.Ref, StringComparer.Ordinal).ToList();
        // The lunr ref is the document's ordinal: refs repeat in every posting, so short refs keep the index small.
        var builder = new IndexBuilder().Ref("i")
            .Field("title", options.TitleBoost)
            .Field("headings", options.HeadingsBoost)
            .Field("body")
            .Field("labels", options.LabelsBoost)
            .Field("section", options.SectionBoost);
        for (var i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            builder.Add(new Dictionary<string, object?>
            {
                ["i"] = (double)i,
                ["title"] = d.Title,
                ["headings"] = string.Join("\n", d.Headings),
                ["body"] = d.Body,
                // Labels are split like text so "labour-mobility" finds "labour" too.
                ["labels"] = string.Join("\n", d.Labels),
                ["section"] = d.Section,
            });
        }
        var index = builder.Build();
        var indexJson = index.ToJsonBytes();
        var documentsJson = DocumentsJson(docs, options.ExcerptLength);

        // JSON.parse of a string literal, not an object literal: V8 parses a large index about 4× faster that way.
        var script = new MemoryStream();
        script.Write("window.SITEBUILDER_SEARCH=JSON.parse('"u8);
        WriteJsStringContent(script, "{\"index\":"u8);
        WriteJsStringContent(script, indexJson);
        WriteJsStringContent(script, ",\"documents\":"u8);
        WriteJsStringContent(script, documentsJson);
        script.Write("}');\n"u8);
        var scriptBytes = script.ToArray();

        var files = new List<SearchOutputFile>
        {
            new("search/index.json", indexJson),
            new("search/documents.json", documentsJson),
            new("search/search-data.js", scriptBytes),
            new("search/lunr.min.js", LunrMinJs()),
        };
        return new SearchIndexResult(files, docs.Count, index.TermCount, indexJson.Length, GzipSize(indexJson), scriptBytes.Length);
    }

    /// <summary>The lunr.min.js of npm lunr@2.3.9, embedded at build time.</summary>
    public static byte[] LunrMinJs()
    {
        using var stream = typeof(SearchIndexWriter).Assembly.GetManifestResourceStream(LunrResourceName)
            ?? throw new InvalidOperationException($"{LunrResourceName} is not embedded: build SiteBuilder with node_modules/lunr installed (npm ci).");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] DocumentsJson(List<SearchDocument> docs, int excerptLength)
    {
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms, new System.Text.Json.JsonWriterOptions
               {
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartArray();
            foreach (var d in docs)
            {
                w.WriteStartObject();
                w.WriteString("url", d.Url);
                w.WriteString("title", d.Title);
                if (d.Section != null) w.WriteString("section", d.Section);
                w.WriteString("excerpt", Excerpt(d.Body, excerptLength));
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

    // UTF-8 text as the inside of a single-quoted JavaScript string. Only ASCII bytes are escaped, and those never
    // occur inside a multi-byte sequence; U+2028/U+2029 are escaped for engines older than ES2019.
    private static void WriteJsStringContent(Stream output, ReadOnlySpan<byte> utf8)
    {
        var start = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            var isSeparator = b == 0xE2 && i + 2 < utf8.Length && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9);
            if (b != (byte)'\\' && b != (byte)'\'' && b != (byte)'\n' && b != (byte)'\r' && !isSeparator) continue;
            output.Write(utf8[start..i]);
            if (isSeparator)
            {
                output.Write(utf8[i + 2] == 0xA8 ? "\\u2028"u8 : "\\u2029"u8);
                i += 2;
            }
            else output.Write(b switch { (byte)'\n' => "\\n"u8, (byte)'\r' => "\\r"u8, (byte)'\'' => "\\'"u8, _ => "\\\\"u8 });
            start = i + 1;
        }
        output.Write(utf8[start..]);
    }

    private static long GzipSize(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.Length;
    }
}
