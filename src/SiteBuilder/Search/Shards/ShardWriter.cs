using System.IO.Compression;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Search.Shards;

/// <summary>
/// Writes a lunr index as the sharded search format (format 2, <c>docs/search.md</c>), which
/// <c>search/sb-search.js</c> loads a query's part of: <c>manifest.js</c>; term shards <c>terms/N.js</c> (consecutive
/// terms, each with its <c>_index</c> and its best-scoring postings, the "head"); <c>more/N.js</c> with the rest of
/// the postings of terms found in more than <see cref="HeadSize"/> documents (<see cref="TierEnds"/>), which a query
/// loads only when the heads leave its first results undecided; <c>dictionary.js</c> (every term, for
/// wildcards inside or before a term and fuzzy terms); and document shards <c>docs/N.js</c>. A posting carries its
/// document's field-vector value for the term in each field, so the postings of a query's terms are all its scores need.
/// Every file is a script calling <c>SiteBuilderSearch.add(id, data)</c>. Byte-stable.
/// </summary>
public static class ShardWriter
{
    /// <summary>The format version the manifest states and the loader checks.</summary>
    public const int Format = 2;

    /// <summary>Postings per term kept in its term shard: enough for the search page's 50 results and ties.</summary>
    public const int HeadSize = 64;

    /// <summary>
    /// How many of a term's postings, best first, end each tier: the head, then its tail in <c>more/</c> (all the rest).
    /// One tail, not deeper tiers packed with other terms' tiers: a query the head does not decide needs the whole list
    /// of the term (a result's posting may be anywhere in it), and a file shared with other terms' tails costs bytes
    /// the query does not use (format 1's four tiers read four 20 kB files for one term's 17 kB list).
    /// </summary>
    public static readonly IReadOnlyList<int> TierEnds = [HeadSize, int.MaxValue];

    /// <summary>Size a term shard grows to before the next begins (a typical query loads one).</summary>
    public const int TermShardBytes = 16 * 1024;

    /// <summary>Most a <c>more/</c> file holds of several terms' tails (a larger tail has a file of its own), so a query
    /// reads at most this much of other terms' postings per term.</summary>
    public const int MoreShardBytes = 8 * 1024;

    /// <summary>Documents per document shard.</summary>
    public const int DocumentsPerShard = 10;

    /// <summary>Writes the files through <paramref name="add"/> (path relative to the site root, content).</summary>
    /// <param name="index">The index; its refs must be the ordinals 0…n-1 of <paramref name="documents"/>.</param>
    /// <param name="documents">Per document, in ref order: url, title, section (or null) and excerpt.</param>
    /// <param name="boosts">The field boosts, stated in the manifest.</param>
    /// <param name="folder">The folder the files go in, e.g. <c>search/</c>.</param>
    /// <param name="add">Called once per file, from this thread.</param>
    public static ShardSet Write(LunrIndex index, IReadOnlyList<DocumentRow> documents, IReadOnlyDictionary<string, double> boosts,
        string folder, Action<string, byte[]> add)
    {
        var fields = index.Fields;
        if (fields.Count > 30) throw new ArgumentException("the sharded format takes at most 30 fields (a posting's field mask is one number)");
        var terms = index.SortedTerms();
        var vectors = VectorsByField(index, documents.Count);
        var files = new List<ShardSetFile>();
        void Add(string id, byte[] content)
        {
            add(folder + id + ".js", content);
            files.Add(new ShardSetFile(id, content.Length, GzipSize(content)));
        }

        // Term shards and tiers, in term order. Each tier level packs consecutive terms into its own files.
        var boundaries = new List<string>();
        var termShard = new ScriptBuilder();
        var tiers = Enumerable.Range(1, TierEnds.Count - 1).Select(_ => new ScriptBuilder()).ToArray();
        var tierNumber = new int[tiers.Length];
        int termShards = 0, moreShards = 0;
        string? lastTerm = null;
        var shardOfTerm = new int[terms.Count];
        var moreOfTerm = new IReadOnlyList<int>[terms.Count];
        var scratch = new PostingScratch(documents.Count, fields.Count);
        var tierRow = new MemoryStream();
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            var posting = index.GetPosting(term)!;
            var entries = scratch.Collect(posting, vectors);
            var more = new List<int>();
            List<Entry> head = entries;
            if (entries.Count > HeadSize)
            {
                // Best first: the postings with the largest sums of values (ties by ref). What a tier's smallest sum is
                // bounds what any posting not yet loaded adds to a score; the loader sums in field order as here, so
                // both get the same doubles. Within a tier, postings go in ref order (small deltas).
                var byScore = entries.OrderByDescending(e => e.Sum).ThenBy(e => e.Ref).ToList();
                head = byScore.Take(HeadSize).OrderBy(e => e.Ref).ToList();
                for (var level = 1; level < TierEnds.Count && TierEnds[level - 1] < byScore.Count; level++)
                {
                    var tier = byScore.Take(TierEnds[level]).Skip(TierEnds[level - 1]).OrderBy(e => e.Ref).ToList();
                    var file = tiers[level - 1];
                    tierRow.SetLength(0);
                    using (var row = new JsonOutput(tierRow, asciiOnly: true))
                    {
                        row.String(term);
                        row.Raw(',');
                        WriteEntries(row, tier, fields.Count);
                    }
                    // A tail that would take the file past its size starts a new one: no term reads more than
                    // MoreShardBytes of other terms' tails.
                    if (file.Length > 0 && file.Length + tierRow.Length > MoreShardBytes) Flush(file, "more/" + tierNumber[level - 1]);
                    if (file.Length == 0) tierNumber[level - 1] = moreShards++;
                    more.Add(tierNumber[level - 1]);
                    file.BeginRow();
                    file.Json.Ascii(System.Text.Encoding.ASCII.GetString(tierRow.GetBuffer(), 0, (int)tierRow.Length));
                    file.EndRow();
                }
            }
            if (termShard.Length >= TermShardBytes)
            {
                Flush(termShard, "terms/" + termShards++);
                boundaries.Add(Separator(lastTerm!, term));
            }
            else if (boundaries.Count == 0) boundaries.Add("");
            shardOfTerm[t] = termShards;
            moreOfTerm[t] = more;
            termShard.BeginRow();
            termShard.Json.String(term);
            termShard.Json.Raw(',');
            termShard.Json.Int(posting.TermIndex);
            termShard.Json.Ascii(",[");
            for (var i = 0; i < more.Count; i++)
            {
                if (i > 0) termShard.Json.Raw(',');
                termShard.Json.Int(more[i]);
            }
            termShard.Json.Ascii("],");
            WriteEntries(termShard.Json, head, fields.Count);
            termShard.EndRow();
            lastTerm = term;
        }
        if (boundaries.Count == 0) boundaries.Add("");
        Flush(termShard, "terms/" + termShards++);
        for (var level = 0; level < tiers.Length; level++)
            if (tiers[level].Length > 0) Flush(tiers[level], "more/" + tierNumber[level]);

        var dictionary = new ScriptBuilder();
        foreach (var term in terms)
        {
            dictionary.BeginItem();
            dictionary.Json.String(term);
        }
        Flush(dictionary, "dictionary");

        var docShards = (documents.Count + DocumentsPerShard - 1) / DocumentsPerShard;
        for (var n = 0; n < docShards; n++)
        {
            var docs = new ScriptBuilder();
            for (var i = n * DocumentsPerShard; i < Math.Min(documents.Count, (n + 1) * DocumentsPerShard); i++)
            {
                var d = documents[i];
                docs.BeginRow();
                docs.Json.String(d.Url);
                docs.Json.Raw(',');
                docs.Json.String(d.Title);
                docs.Json.Raw(',');
                if (d.Section is null) docs.Json.Ascii("null");
                else docs.Json.String(d.Section);
                docs.Json.Raw(',');
                docs.Json.String(d.Excerpt);
                docs.EndRow();
            }
            Flush(docs, "docs/" + n);
        }

        Add("manifest", Manifest(index, documents.Count, boosts, boundaries, docShards, terms.Count));
        return new ShardSet(files, terms.Count, shardOfTerm, moreOfTerm, terms);

        void Flush(ScriptBuilder builder, string id)
        {
            Add(id, builder.Finish(id));
            builder.Reset();
        }
    }

    /// <summary>The shortest prefix of <paramref name="next"/> that sorts after <paramref name="previous"/> (ordinal).</summary>
    internal static string Separator(string previous, string next)
    {
        for (var n = 1; n < next.Length; n++)
        {
            // Never cut a surrogate pair in two.
            if (char.IsHighSurrogate(next[n - 1])) continue;
            if (string.CompareOrdinal(next[..n], previous) > 0) return next[..n];
        }
        return next;
    }

    private static byte[] Manifest(LunrIndex index, int documents, IReadOnlyDictionary<string, double> boosts, List<string> boundaries,
        int docShards, int termCount)
    {
        var m = new ScriptBuilder();
        var o = m.Json;
        o.Ascii("\"format\":");
        o.Int(Format);
        o.Ascii(",\"lunr\":");
        o.String(LunrIndex.LunrVersion);
        o.Ascii(",\"fields\":[");
        for (var i = 0; i < index.Fields.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(index.Fields[i]);
        }
        o.Ascii("],\"boosts\":{");
        for (var i = 0; i < index.Fields.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(index.Fields[i]);
            o.Raw(':');
            o.Number(boosts.GetValueOrDefault(index.Fields[i], 1));
        }
        o.Ascii("},\"documents\":");
        o.Int(documents);
        o.Ascii(",\"termCount\":");
        o.Int(termCount);
        o.Ascii(",\"pipeline\":[");
        for (var i = 0; i < index.Pipeline.Labels.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(index.Pipeline.Labels[i]);
        }
        o.Ascii("],\"head\":");
        o.Int(HeadSize);
        o.Ascii(",\"docs\":{\"size\":");
        o.Int(DocumentsPerShard);
        o.Ascii(",\"files\":");
        o.Int(docShards);
        o.Ascii("},\"terms\":[");
        for (var i = 0; i < boundaries.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(boundaries[i]);
        }
        o.Raw(']');
        return m.FinishObject("manifest");
    }

    // Postings as flat integers: ref minus the previous ref, field mask, then per field of the mask its value x 1000
    // (lunr rounds every value to 3 decimals, so m / 1000 in JavaScript is the very double lunr computed).
    private static void WriteEntries(JsonOutput o, List<Entry> entries, int fieldCount)
    {
        o.Raw('[');
        var previous = 0;
        var first = true;
        foreach (var e in entries)
        {
            if (!first) o.Raw(',');
            first = false;
            o.Int(e.Ref - previous);
            previous = e.Ref;
            o.Raw(',');
            o.Int(e.Mask);
            for (var f = 0; f < fieldCount; f++)
            {
                if ((e.Mask & (1 << f)) == 0) continue;
                o.Raw(',');
                o.Int(e.Values[f]);
            }
        }
        o.Raw(']');
    }

    private static Vector?[][] VectorsByField(LunrIndex index, int documentCount)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < index.Fields.Count; f++) byName[index.Fields[f]] = f;
        var vectors = new Vector?[index.Fields.Count][];
        for (var f = 0; f < vectors.Length; f++) vectors[f] = new Vector?[documentCount];
        foreach (var (fieldRef, vector) in index.FieldVectors)
        {
            var slash = fieldRef.IndexOf('/');
            vectors[byName[fieldRef[..slash]]][OrdinalRef(fieldRef[(slash + 1)..], documentCount)] = vector;
        }
        return vectors;
    }

    private static int OrdinalRef(string docRef, int documentCount) =>
        int.TryParse(docRef, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) &&
        n < documentCount && n.ToString(System.Globalization.CultureInfo.InvariantCulture) == docRef
            ? n
            : throw new ArgumentException($"the sharded format needs the refs 0…{documentCount - 1}, found '{docRef}'");

    internal static long GzipSize(byte[] content)
    {
        var count = new CountingStream();
        using (var gzip = new GZipStream(count, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return count.Count;
    }

    private sealed record Entry(int Ref, int Mask, long[] Values, double Sum);

    // Gathers one term's postings by document across fields, with each one's vector values.
    private sealed class PostingScratch(int documentCount, int fieldCount)
    {
        private readonly int[] _mask = new int[documentCount];
        private readonly long[][] _values = new long[documentCount][];
        private readonly List<int> _touched = new();

        public List<Entry> Collect(Posting posting, Vector?[][] vectors)
        {
            for (var f = 0; f < fieldCount; f++)
            {
                var fp = posting.Fields[f];
                if (fp.Metadata != null) throw new ArgumentException("the sharded format stores no token metadata (metadataWhitelist)");
                foreach (var r in fp.Refs)
                {
                    var d = OrdinalRef(r, documentCount);
                    var value = vectors[f][d]?.Find(posting.TermIndex)
                                ?? throw new InvalidOperationException($"field vector {r} has no element for term index {posting.TermIndex}");
                    var scaled = Math.Round(value * 1000);
                    if (scaled / 1000 != value) throw new InvalidOperationException($"vector value {value} is not rounded to 3 decimals");
                    if (_mask[d] == 0) _touched.Add(d);
                    _mask[d] |= 1 << f;
                    (_values[d] ??= new long[fieldCount])[f] = (long)scaled;
                }
            }
            _touched.Sort();
            var entries = new List<Entry>(_touched.Count);
            foreach (var d in _touched)
            {
                var values = new long[fieldCount];
                double sum = 0;
                for (var f = 0; f < fieldCount; f++)
                    if ((_mask[d] & (1 << f)) != 0) sum += (values[f] = _values[d][f]) / 1000.0;
                entries.Add(new Entry(d, _mask[d], values, sum));
                _mask[d] = 0;
            }
            _touched.Clear();
            return entries;
        }
    }
}
