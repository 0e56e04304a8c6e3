using System.IO.Compression;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Search.Shards;

/// <summary>
/// Writes a lunr index as the sharded search format (format 3, <c>docs/search.md</c>), which
/// <c>search/sb-search.js</c> loads a query's part of: <c>manifest.js</c>; term shards <c>terms/N.js</c> (consecutive
/// terms, each with its <c>_index</c> and its best-scoring postings, the "head"); <c>more/N.js</c> with the rest of
/// the postings (the "tail", in ref order) of terms found in more than <see cref="HeadSize"/> documents, which a query
/// loads only when the heads leave its first results undecided, a long tail cut by ref range into parts so that a query
/// can read the part holding one document's posting; <c>dictionary.js</c> (every term, for wildcards inside or before
/// a term and fuzzy terms); and document shards <c>docs/N.js</c>. A posting carries its document's field-vector value
/// for the term in each field, so the postings of a query's terms are all its scores need. Every file is a script
/// calling <c>SiteBuilderSearch.add(id, data)</c>. Byte-stable.
/// </summary>
public static class ShardWriter
{
    /// <summary>The format version the manifest states and the loader checks.</summary>
    public const int Format = 3;

    /// <summary>Postings per term kept in its term shard: enough for the search page's 50 results and ties.</summary>
    public const int HeadSize = 64;

    /// <summary>Size a term shard grows to before the next begins (a typical query loads one).</summary>
    public const int TermShardBytes = 16 * 1024;

    /// <summary>Most a <c>more/</c> file holds of several terms' tails (a larger tail has a file of its own), so a query
    /// reads at most this much of other terms' postings per term.</summary>
    public const int MoreShardBytes = 8 * 1024;

    /// <summary>
    /// A tail longer than this (bytes of its row) is cut into parts by ref range, each a <c>more/</c> file of its own.
    /// Shorter ones stay whole: a part costs a request, and at 10,000 pages this cuts only the longest 300 or so tails
    /// (the bench site: 2,552 search files, format 2's 2,080; 3,195 when cut from 40 KB into 12 KB parts).
    /// </summary>
    public const int SplitTailBytes = 64 * 1024;

    /// <summary>
    /// The most each part of a cut tail holds, about (the tail is cut into equal parts): what a query reads to learn one
    /// document's posting of the term. On the 50,000-page bench site, typing <c>migration</c> reads 17 parts of
    /// <c>migrat</c>'s and <c>migrant</c>'s tails, 43 kB gzipped, where format 2 read both whole tails, 118 kB.
    /// </summary>
    public const int TailPartBytes = 12 * 1024;

    /// <summary>Documents per document shard.</summary>
    public const int DocumentsPerShard = 10;

    /// <summary>Writes the files through <paramref name="add"/> (path relative to the site root, content).</summary>
    /// <param name="postings">The index (<see cref="IndexBuilder.TakeScoredPostings"/>); its refs are the ordinals of <paramref name="documents"/>.</param>
    /// <param name="documents">Per document, in ref order: url, title, section (or null) and excerpt.</param>
    /// <param name="boosts">The field boosts, stated in the manifest.</param>
    /// <param name="folder">The folder the files go in, e.g. <c>search/</c>.</param>
    /// <param name="add">Called once per file, from this thread.</param>
    /// <param name="sizes">Where tails are cut (the proof cuts small tails of a small wiki).</param>
    internal static ShardSet Write(ScoredPostings postings, IReadOnlyList<DocumentRow> documents, IReadOnlyDictionary<string, double> boosts,
        string folder, Action<string, byte[]> add, TailSizes sizes)
    {
        var fields = postings.Fields;
        if (fields.Count > 30) throw new ArgumentException("the sharded format takes at most 30 fields (a posting's field mask is one number)");
        if (postings.DocumentCount != documents.Count) throw new ArgumentException($"the index has {postings.DocumentCount} documents, the rows {documents.Count}");
        var terms = postings.Terms;
        var files = new List<(string Id, int Bytes, Task<long> GzipBytes)>();
        void Add(string id, byte[] content)
        {
            add(folder + id + ".js", content);
            // Gzip-measured on the thread pool: a third of this writer's time at 10k pages once the postings are gathered
            // in one pass, on the one thread the build waits for once ApplyLayouts has finished and left a core idle.
            files.Add((id, content.Length, Task.Run(() => GzipSize(content))));
        }

        // Term shards and tails, in term order: short tails of consecutive terms packed into shared more/ files, a long
        // tail cut into parts of its own.
        var boundaries = new List<string>();
        var termShard = new ScriptBuilder();
        var packed = new ScriptBuilder();
        int termShards = 0, moreShards = 0, packedNumber = 0;
        string? lastTerm = null;
        var shardOfTerm = new int[terms.Count];
        var moreOfTerm = new IReadOnlyList<int>[terms.Count];
        var ranking = new Ranking(documents.Count);
        var tierRow = new MemoryStream();
        var tierJson = new JsonOutput(tierRow, asciiOnly: true);
        // Reused file after file (see ScriptBuilder): the parts of long tails, and the tail entries a part is cut from.
        var part = new ScriptBuilder();
        var tail = new List<TailEntry>();
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            var list = postings.Of(t);
            // The term record's third element: [] (no tail), [file] (one part), or [file, ref1, ref2, …] for a tail in
            // parts, part k in more/(file + k), part k >= 1 starting at ref_k.
            var record = new List<int>();
            var tailFiles = new List<int>();
            var ranked = list.Count > HeadSize;
            if (ranked)
            {
                // Best first: the postings with the largest sums of values (ties by ref). The head's smallest sum bounds
                // what any posting not loaded adds to a score; the loader sums in field order as here, so both get the
                // same doubles. The tail's postings go in ref order (small deltas).
                ranking.Rank(list);
                tierRow.SetLength(0);
                tierJson.String(term);
                tierJson.Raw(',');
                WriteEntries(tierJson, list, ranking, HeadSize, int.MaxValue);
                tierJson.Flush();
                if (tierRow.Length > sizes.SplitTailBytes)
                {
                    // A long tail in ref ranges: a query that needs some documents' postings (the first results found
                    // in the other lists) reads the parts that cover their refs, not the whole list.
                    var parts = SplitTail(list, ranking, (int)((tierRow.Length + sizes.TailPartBytes - 1) / sizes.TailPartBytes), tail);
                    record.Add(moreShards);
                    for (var k = 0; k < parts.Count; k++)
                    {
                        if (k > 0) record.Add(tail[parts[k].From].Ref);
                        tailFiles.Add(moreShards);
                        part.BeginRow();
                        part.Json.String(term);
                        part.Json.Raw(',');
                        WriteTailPart(part.Json, list.Data, tail, parts[k].From, parts[k].To);
                        part.EndRow();
                        Flush(part, "more/" + moreShards++);
                    }
                }
                else
                {
                    // A tail that would take the file past its size starts a new one: no term reads more than
                    // MoreShardBytes of other terms' tails.
                    if (packed.Length > 0 && packed.Length + tierRow.Length > MoreShardBytes) Flush(packed, "more/" + packedNumber);
                    if (packed.Length == 0) packedNumber = moreShards++;
                    record.Add(packedNumber);
                    tailFiles.Add(packedNumber);
                    packed.BeginRow();
                    packed.Json.Bytes(tierRow.GetBuffer().AsSpan(0, (int)tierRow.Length));
                    packed.EndRow();
                }
            }
            if (termShard.Length >= TermShardBytes)
            {
                Flush(termShard, "terms/" + termShards++);
                boundaries.Add(Separator(lastTerm!, term));
            }
            else if (boundaries.Count == 0) boundaries.Add("");
            shardOfTerm[t] = termShards;
            moreOfTerm[t] = tailFiles;
            termShard.BeginRow();
            termShard.Json.String(term);
            termShard.Json.Raw(',');
            termShard.Json.Int(postings.TermIndexOf(t));
            termShard.Json.Ascii(",[");
            for (var i = 0; i < record.Count; i++)
            {
                if (i > 0) termShard.Json.Raw(',');
                termShard.Json.Int(record[i]);
            }
            termShard.Json.Ascii("],");
            WriteEntries(termShard.Json, list, ranked ? ranking : null, 0, HeadSize);
            termShard.EndRow();
            lastTerm = term;
        }
        if (boundaries.Count == 0) boundaries.Add("");
        Flush(termShard, "terms/" + termShards++);
        if (packed.Length > 0) Flush(packed, "more/" + packedNumber);

        var dictionary = new ScriptBuilder();
        foreach (var term in terms)
        {
            dictionary.BeginItem();
            dictionary.Json.String(term);
        }
        Flush(dictionary, "dictionary");

        var docShards = (documents.Count + DocumentsPerShard - 1) / DocumentsPerShard;
        var docs = new ScriptBuilder();
        for (var n = 0; n < docShards; n++)
        {
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

        Add("manifest", Manifest(postings, documents.Count, boosts, boundaries, docShards, terms.Count));
        var measured = files.Select(f => new ShardSetFile(f.Id, f.Bytes, f.GzipBytes.GetAwaiter().GetResult())).ToList();
        return new ShardSet(measured, terms.Count, shardOfTerm, moreOfTerm, terms);

        void Flush(ScriptBuilder builder, string id)
        {
            Add(id, builder.Finish(id));
            builder.Reset();
        }
    }

    // A posting of a tail: its ref, where it is in the list's data and how many ints it takes, and its bytes in a part
    // (each number and its comma).
    private readonly record struct TailEntry(int Ref, int At, int Length, int Bytes);

    // A tail's postings (the ranks from HeadSize on, in ref order, into `entries`) cut into `count` parts of about equal
    // size, each a range of `entries`.
    private static List<(int From, int To)> SplitTail(PostingList list, Ranking ranking, int count, List<TailEntry> entries)
    {
        entries.Clear();
        long bytes = 0;
        var data = list.Data;
        var previousRef = 0;
        for (int at = list.Start, k = 0; at < list.End; k++)
        {
            var length = 2 + System.Numerics.BitOperations.PopCount((uint)data[at + 1]);
            if (ranking.RankOf(k) >= HeadSize)
            {
                var size = Digits(data[at] - previousRef) + 1;
                for (var j = at + 1; j < at + length; j++) size += Digits(data[j]) + 1;
                previousRef = data[at];
                entries.Add(new TailEntry(data[at], at, length, size));
                bytes += size;
            }
            at += length;
        }
        // Cut by each posting's bytes, so parts come out about equal.
        var parts = new List<(int, int)>();
        var target = (double)bytes / count;
        int i = 0;
        double done = 0;
        for (var p = 0; p < count && i < entries.Count; p++)
        {
            var limit = p == count - 1 ? double.MaxValue : target * (p + 1);
            var start = i;
            while (i < entries.Count && (i == start || done < limit))
            {
                done += entries[i].Bytes;
                i++;
            }
            parts.Add((start, i));
        }
        return parts;
    }

    // A part of a tail, a posting list of its own (its first delta is its first ref).
    private static void WriteTailPart(JsonOutput o, int[] data, List<TailEntry> entries, int from, int to)
    {
        o.Raw('[');
        var previous = 0;
        for (var i = from; i < to; i++)
        {
            var (docRef, at, length, _) = entries[i];
            if (i > from) o.Raw(',');
            o.Int(docRef - previous);
            previous = docRef;
            for (var j = at + 1; j < at + length; j++)
            {
                o.Raw(',');
                o.Int(data[j]);
            }
        }
        o.Raw(']');
    }

    private static int Digits(int n) => n < 0 ? 1 + Digits(-n) : n < 10 ? 1 : 1 + Digits(n / 10);

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

    private static byte[] Manifest(ScoredPostings index, int documents, IReadOnlyDictionary<string, double> boosts, List<string> boundaries,
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
    // (lunr rounds every value to 3 decimals, so m / 1000 in JavaScript is the very double lunr computed): the list's
    // own form, so a posting is copied as it is, but for its ref. With a ranking, only the postings ranked from `from`
    // (inclusive) to `to`, still in ref order; without, all of them.
    private static void WriteEntries(JsonOutput o, PostingList list, Ranking? ranking, int from, int to)
    {
        o.Raw('[');
        var previous = 0;
        var first = true;
        var data = list.Data;
        for (int at = list.Start, k = 0; at < list.End; k++)
        {
            var length = 2 + System.Numerics.BitOperations.PopCount((uint)data[at + 1]);
            if (ranking is null || (ranking.RankOf(k) >= from && ranking.RankOf(k) < to))
            {
                if (!first) o.Raw(',');
                first = false;
                o.Int(data[at] - previous);
                previous = data[at];
                for (var i = at + 1; i < at + length; i++)
                {
                    o.Raw(',');
                    o.Int(data[i]);
                }
            }
            at += length;
        }
        o.Raw(']');
    }

    internal static long GzipSize(byte[] content)
    {
        var count = new CountingStream();
        using (var gzip = new GZipStream(count, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return count.Count;
    }

    // The order of one long posting list, best first: each posting's rank by the sum of its values (largest first, ties
    // by ref), so the writer can take a tier's postings in ref order by their ranks.
    private sealed class Ranking(int documentCount)
    {
        private readonly double[] _key = new double[documentCount];
        private readonly int[] _byScore = new int[documentCount];
        private readonly int[] _rank = new int[documentCount];

        public int RankOf(int posting) => _rank[posting];

        public void Rank(PostingList list)
        {
            var data = list.Data;
            for (int at = list.Start, k = 0; at < list.End; k++)
            {
                var mask = data[at + 1];
                double sum = 0;
                var i = at + 2;
                for (var f = 0; f < 32; f++)
                    if ((mask & (1 << f)) != 0) sum += data[i++] / 1000.0;
                _key[k] = -sum;
                _byScore[k] = k;
                at = i;
            }
            // Sorted by the negated sums as plain double keys, then each run of equal sums by posting number (the
            // postings are in ref order): sorting primitive keys is several times faster than with a comparer, which
            // took a third of this writer's time.
            var n = list.Count;
            Array.Sort(_key, _byScore, 0, n);
            for (var run = 0; run < n;)
            {
                var end = run + 1;
                while (end < n && _key[end] == _key[run]) end++;
                if (end - run > 1) Array.Sort(_byScore, run, end - run);
                run = end;
            }
            for (var r = 0; r < n; r++) _rank[_byScore[r]] = r;
        }
    }
}
