namespace SiteBuilder.Search.Lunr;

/// <summary>
/// Builds a lunr 2.3.9 index, as <c>lunr(function () { this.ref(…); this.field(…); this.add(…) })</c> does:
/// the default pipeline (trimmer, stop-word filter, stemmer), BM25 scoring (k1 1.2, b 0.75) with field and
/// document boosts, scores rounded to 3 decimals. <see cref="Build"/> returns a frozen <see cref="LunrIndex"/>
/// whose JSON is byte-for-byte what lunr.js's <c>JSON.stringify(idx)</c> writes. Not thread-safe (but
/// <see cref="AddRange"/> tokenizes documents on several threads itself).
/// </summary>
public sealed class IndexBuilder
{
    private readonly List<KeyValuePair<string, FieldOptions>> _fields = new();
    private readonly List<DocSlot> _docs = new();
    private readonly Dictionary<string, int> _slotByRef = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly List<TermEntry> _termsByIndex = new();
    // Add's tokenizer state (AddRange gives each worker thread one of its own).
    private TokenizerState? _tokenizer;
    private string[]? _fieldOrder;
    private int[]? _fieldOptionSlot;
    private bool _duplicateRefs;
    // Set by TakeScoredPostings, which empties the builder as it goes.
    private bool _taken;
    private int _documentCount;
    private string _ref = "id";
    private double _b = 0.75;
    private double _k1 = 1.2;

    /// <summary>A builder with lunr's default pipelines: trimmer, stopWordFilter, stemmer to index; stemmer to search.</summary>
    public IndexBuilder()
    {
        Pipeline.Add(Trimmer.Function, StopWordFilter.Function, Stemmer.Function);
        SearchPipeline.Add(Stemmer.Function);
    }

    /// <summary>Transforms document tokens before they are indexed.</summary>
    public Pipeline Pipeline { get; } = new();

    /// <summary>Transforms query terms; serialized into the index as <c>pipeline</c>.</summary>
    public Pipeline SearchPipeline { get; } = new();

    /// <summary>Token metadata keys to store per occurrence (lunr's <c>metadataWhitelist</c>), e.g. <c>position</c>.</summary>
    public List<string> MetadataWhitelist { get; } = new();

    /// <summary>Names the document property that identifies each document (default <c>id</c>).</summary>
    public IndexBuilder Ref(string refName)
    {
        _ref = refName;
        return this;
    }

    /// <summary>Adds a field to index; redefining a field replaces its options. Fields must be defined before documents.</summary>
    public IndexBuilder Field(string name, FieldOptions? options = null)
    {
        if (name.Contains('/')) throw new ArgumentException($"Field '{name}' contains illegal character '/'", nameof(name));
        if (_fieldOrder != null) throw new InvalidOperationException("Fields must be defined before the first document is added.");
        var i = _fields.FindIndex(f => f.Key == name);
        if (i >= 0) _fields[i] = new(name, options ?? new FieldOptions());
        else _fields.Add(new(name, options ?? new FieldOptions()));
        return this;
    }

    /// <summary>Adds a field with a boost.</summary>
    public IndexBuilder Field(string name, double boost) => Field(name, new FieldOptions(boost));

    /// <summary>Sets BM25's length normalisation b, clamped to [0, 1].</summary>
    public IndexBuilder B(double b)
    {
        _b = b < 0 ? 0 : b > 1 ? 1 : b;
        return this;
    }

    /// <summary>Sets BM25's term-frequency saturation k1.</summary>
    public IndexBuilder K1(double k1)
    {
        _k1 = k1;
        return this;
    }

    /// <summary>Adds a document. Values may be strings, numbers, booleans, lists or null (see <see cref="Tokenizer"/>).</summary>
    /// <param name="doc">The document's properties.</param>
    /// <param name="boost">Multiplies all its scores; 0 means 1, as lunr's <c>boost || 1</c>.</param>
    /// <exception cref="ArgumentException">The document has no ref property.</exception>
    public void Add(IReadOnlyDictionary<string, object?> doc, double boost = 1)
    {
        ThrowIfTaken();
        if (!doc.TryGetValue(_ref, out var refValue))
            throw new ArgumentException($"The document has no '{_ref}' property to use as its ref.", nameof(doc));
        FreezeFields();
        if (UsesDefaultPipeline())
        {
            // AddRange's path, on this thread: the same index, without a token object per word.
            Merge(Tokenize(doc, _tokenizer ??= new TokenizerState()), boost);
            return;
        }
        var docRef = JsValue.ToJsString(refValue);
        var fields = _fieldOrder!;
        var slot = NewSlot(docRef, boost);
        for (var f = 0; f < fields.Length; f++)
        {
            var options = _fields[_fieldOptionSlot![f]].Value;
            var value = options.Extractor != null ? options.Extractor(doc) : doc.GetValueOrDefault(fields[f]);
            if (value is System.Text.Json.JsonElement json) value = JsValue.FromJsonElement(json);
            var terms = Pipeline.Run(Tokenizer.Tokenize(value, fields[f]));
            var termIndexes = new int[terms.Count];
            for (var t = 0; t < terms.Count; t++)
            {
                var token = terms[t];
                var entry = GetOrAddTerm(token.Str);
                termIndexes[t] = entry.Index;
                var at = AddPosting(entry, f, slot.Index);
                if (MetadataWhitelist.Count > 0) entry.Fields[f]!.AddMetadata(at, MetadataWhitelist, token);
            }
            var (sortedTerms, tf) = CountFrequencies(termIndexes);
            slot.Fields[f] = new FieldData(terms.Count, sortedTerms, tf);
        }
    }

    private DocSlot NewSlot(string docRef, double boost)
    {
        var duplicate = _slotByRef.TryGetValue(docRef, out var existing);
        var slot = new DocSlot(docRef, boost, new FieldData[_fieldOrder!.Length], duplicate ? existing : _docs.Count);
        if (duplicate)
        {
            // lunr keys its per-document tables by ref: a second document with the same ref replaces the first's
            // lengths and frequencies in place, while its postings merge into the same ref.
            _docs[existing] = slot;
            _duplicateRefs = true;
        }
        else
        {
            _slotByRef[docRef] = _docs.Count;
            _docs.Add(slot);
        }
        _documentCount++;
        return slot;
    }

    /// <summary>
    /// Adds <paramref name="count"/> documents, in order, as <see cref="Add"/> would one by one, with the same
    /// result; <paramref name="document"/> is called on worker threads (it must be thread-safe), which also split,
    /// trim, filter and stem the text. Only the merge into the index runs in order on the calling thread, a block
    /// of documents at a time, so the documents' text need not be in memory all at once.
    /// </summary>
    /// <param name="count">Number of documents.</param>
    /// <param name="document">The properties of document <c>i</c>.</param>
    /// <param name="boost">Document boost of document <c>i</c> (see <see cref="Add"/>); null for 1.</param>
    public void AddRange(int count, Func<int, IReadOnlyDictionary<string, object?>> document, Func<int, double>? boost = null)
    {
        ThrowIfTaken();
        FreezeFields();
        if (!UsesDefaultPipeline())
        {
            for (var i = 0; i < count; i++) Add(document(i), boost?.Invoke(i) ?? 1);
            return;
        }
        const int block = 256;
        using var states = new ThreadLocal<TokenizerState>(() => new TokenizerState());
        TokenizedDoc[] Tokenize(int start)
        {
            var docs = new TokenizedDoc[Math.Min(block, count - start)];
            Parallel.For(0, docs.Length, i => docs[i] = this.Tokenize(document(start + i), states.Value!));
            return docs;
        }
        // Pipelined: the next block is tokenized on the other cores while this thread merges the current one.
        var current = count > 0 ? Tokenize(0) : [];
        for (var start = 0; start < count; start += block)
        {
            int nextStart = start + block;
            var next = nextStart < count ? Task.Run(() => Tokenize(nextStart)) : null;
            for (var i = 0; i < current.Length; i++) Merge(current[i], boost?.Invoke(start + i) ?? 1);
            current = next is null ? [] : next.GetAwaiter().GetResult();
        }
    }

    // A worker thread's own caches, so tokenizing shares nothing between threads: raw token as written (case kept,
    // so most tokens are never lower-cased) → its term key, or null for a stop word; term → key (keys of different
    // threads for one term meet at the same entry in Merge); and term frequencies by key id, reset after each field.
    private sealed class TokenizerState
    {
        private readonly Dictionary<string, TermKey> _keys = new(StringComparer.Ordinal);
        public Dictionary<string, TermKey?> Raw { get; } = new(StringComparer.Ordinal);
        public int[] Tf { get; set; } = new int[4096];
        public List<TermKey> Order { get; } = new();

        public TermKey KeyOf(string term)
        {
            if (!_keys.TryGetValue(term, out var key)) _keys[term] = key = new TermKey(term, _keys.Count);
            return key;
        }
    }

    private TokenizedDoc Tokenize(IReadOnlyDictionary<string, object?> doc, TokenizerState state)
    {
        if (!doc.TryGetValue(_ref, out var refValue))
            throw new ArgumentException($"The document has no '{_ref}' property to use as its ref.", nameof(doc));
        var fields = _fieldOrder!;
        var result = new TokenizedField[fields.Length];
        var raw = state.Raw.GetAlternateLookup<ReadOnlySpan<char>>();
        var order = state.Order;
        for (var f = 0; f < fields.Length; f++)
        {
            var options = _fields[_fieldOptionSlot![f]].Value;
            var value = options.Extractor != null ? options.Extractor(doc) : doc.GetValueOrDefault(fields[f]);
            if (value is System.Text.Json.JsonElement json) value = JsValue.FromJsonElement(json);
            var length = 0;
            if (value is not null && (value is string || value is not System.Collections.IList))
            {
                // lunr lower-cases the whole text, then splits it; no lower-case mapping makes or removes a
                // separator, so splitting first and lower-casing each token (with the text around a sigma as its
                // context) gives the same tokens.
                var str = JsValue.ToJsString(value);
                var sliceStart = 0;
                for (var sliceEnd = 0; sliceEnd <= str.Length; sliceEnd++)
                {
                    if (sliceEnd < str.Length && !JsString.IsSeparator(str[sliceEnd])) continue;
                    if (sliceEnd > sliceStart)
                    {
                        var token = str.AsSpan(sliceStart, sliceEnd - sliceStart);
                        // A capital sigma's lower case depends on what is around the token: never cached.
                        bool contextual = token.Contains('\u03A3');
                        if (contextual || !raw.TryGetValue(token, out var key))
                        {
                            var trimmed = Trimmer.Trim(JsString.ToLower(str, sliceStart, sliceEnd - sliceStart));
                            key = StopWordFilter.IsStopWord(trimmed) ? null : state.KeyOf(Stemmer.Stem(trimmed));
                            if (!contextual) raw[token] = key;
                        }
                        if (key != null) Count(key);
                    }
                    sliceStart = sliceEnd + 1;
                }
            }
            else
            {
                foreach (var token in Pipeline.Run(Tokenizer.Tokenize(value, fields[f]))) Count(state.KeyOf(token.Str));
            }
            var terms = order.ToArray();
            var tf = new int[terms.Length];
            for (var t = 0; t < terms.Length; t++)
            {
                tf[t] = state.Tf[terms[t].Id];
                state.Tf[terms[t].Id] = 0;
            }
            result[f] = new TokenizedField(length, terms, tf);
            order.Clear();

            void Count(TermKey key)
            {
                length++;
                if (key.Id >= state.Tf.Length)
                {
                    var grown = state.Tf;
                    Array.Resize(ref grown, Math.Max(key.Id + 1, grown.Length * 2));
                    state.Tf = grown;
                }
                if (state.Tf[key.Id]++ == 0) order.Add(key);
            }
        }
        return new TokenizedDoc(JsValue.ToJsString(refValue), result);
    }

    private void Merge(TokenizedDoc doc, double boost)
    {
        var slot = NewSlot(doc.Ref, boost);
        for (var f = 0; f < doc.Fields.Length; f++)
        {
            var field = doc.Fields[f];
            var termIndexes = new int[field.Terms.Length];
            for (var t = 0; t < termIndexes.Length; t++)
            {
                // Terms arrive in the order of their first occurrence, so each gets the index and posting
                // position it gets when the same document is added on its own.
                var entry = field.Terms[t].Entry ??= GetOrAddTerm(field.Terms[t].Term);
                AddPosting(entry, f, slot.Index);
                termIndexes[t] = entry.Index;
            }
            // By term index (unique within a field), the frequencies alongside (the tokenized field is not used
            // again): a sort of int keys, several times faster than of (term, tf) tuples, which cost a fifth of the
            // merge the whole index waits for.
            Array.Sort(termIndexes, field.Tf);
            slot.Fields[f] = new FieldData(field.Length, termIndexes, field.Tf);
        }
    }

    private TermEntry GetOrAddTerm(string term)
    {
        if (!_terms.TryGetValue(term, out var entry))
        {
            entry = new TermEntry(_termsByIndex.Count, _fieldOrder!.Length);
            _terms[term] = entry;
            _termsByIndex.Add(entry);
        }
        return entry;
    }

    private int AddPosting(TermEntry entry, int field, int slot)
    {
        var posting = entry.Fields[field] ??= new FieldPostingBuilder();
        var at = posting.Find(slot, _duplicateRefs);
        return at >= 0 ? at : posting.Add(slot);
    }

    private void ThrowIfTaken()
    {
        if (_taken) throw new InvalidOperationException("TakeScoredPostings emptied this builder: make a new one.");
    }

    private bool UsesDefaultPipeline() =>
        MetadataWhitelist.Count == 0 && Pipeline.Functions.Count == 3 && ReferenceEquals(Pipeline.Functions[0], Trimmer.Function) &&
        ReferenceEquals(Pipeline.Functions[1], StopWordFilter.Function) && ReferenceEquals(Pipeline.Functions[2], Stemmer.Function);

    private static (int[] Terms, int[] Tf) CountFrequencies(int[] termIndexes)
    {
        Array.Sort(termIndexes);
        var terms = new List<int>();
        var tf = new List<int>();
        for (var i = 0; i < termIndexes.Length;)
        {
            var j = i;
            while (j < termIndexes.Length && termIndexes[j] == termIndexes[i]) j++;
            terms.Add(termIndexes[i]);
            tf.Add(j - i);
            i = j;
        }
        return (terms.ToArray(), tf.ToArray());
    }

    private void FreezeFields()
    {
        if (_fieldOrder != null) return;
        // Object.keys(this._fields): a field named like an array index ("0") comes first.
        var ordered = JsKeyOrder.Order(Enumerable.Range(0, _fields.Count).ToList(), i => _fields[i].Key);
        _fieldOptionSlot = ordered.ToArray();
        _fieldOrder = ordered.Select(i => _fields[i].Key).ToArray();
    }

    /// <summary>Computes field lengths, BM25 field vectors and the inverted index, and returns the frozen index.</summary>
    public LunrIndex Build()
    {
        ThrowIfTaken();
        var scores = new Scores(this);
        var fields = _fieldOrder!;
        var vectors = new List<KeyValuePair<string, Vector>>(_docs.Count * fields.Length);
        foreach (var doc in _docs)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                var data = doc.Fields[f];
                var indexes = new List<int>(data.Terms.Length);
                var values = new List<double>(data.Terms.Length);
                for (var t = 0; t < data.Terms.Length; t++)
                {
                    indexes.Add(data.Terms[t]);
                    values.Add(scores.Of(doc, f, t));
                }
                vectors.Add(new(fields[f] + "/" + doc.Ref, new Vector(indexes, values)));
            }
        }

        var inverted = new Dictionary<string, Posting>(_terms.Count, StringComparer.Ordinal);
        foreach (var (term, entry) in _terms)
        {
            var fps = new FieldPosting[fields.Length];
            for (var f = 0; f < fields.Length; f++) fps[f] = entry.Fields[f]?.Freeze(_docs) ?? FieldPosting.Empty;
            inverted[term] = new Posting(entry.Index, fps);
        }
        return new LunrIndex(fields, vectors, inverted, SearchPipeline);
    }

    /// <summary>
    /// The index as the sharded search format reads it (<see cref="Shards.ShardWriter"/>): every term's postings with
    /// the values <see cref="Build"/>'s field vectors give them, made straight from the documents' term frequencies.
    /// Worth a second way to the same scores: the preview builds the index after every edit, and at 10,000 pages the
    /// field vectors and the inverted index that <see cref="Build"/> makes (and the shards only read back) are about
    /// 110 MB on top of the builder's own data. It also empties the builder as it goes (nothing can be added or built
    /// after it), so that the postings (50 MB) replace the builder's data (70 MB) rather than join it.
    /// </summary>
    /// <exception cref="ArgumentException">The refs are not the ordinals 0…n-1 in the order added, or token metadata is kept.</exception>
    internal ScoredPostings TakeScoredPostings()
    {
        ThrowIfTaken();
        FreezeFields();
        if (MetadataWhitelist.Count > 0) throw new ArgumentException("the sharded format stores no token metadata (metadataWhitelist)");
        for (var d = 0; d < _docs.Count; d++)
            if (_duplicateRefs || _docs[d].Ref != d.ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw new ArgumentException($"the sharded format needs the refs 0…{_docs.Count - 1}, each once and in order, found '{_docs[d].Ref}'");
        var scores = new Scores(this);
        _taken = true;
        // Each term's documents per field: only their counts were still needed, and the idf holds them now.
        foreach (var entry in _termsByIndex) Array.Clear(entry.Fields);
        var fieldCount = _fieldOrder!.Length;
        var termSlots = _termsByIndex.Count;

        // Each term's list in ref order with no sorting (document by document), a posting's values in field order (field
        // by field), in one array laid out term after term: counted first, so it is allocated once at its size (about
        // 50 MB at 10k pages). A posting is its ref, its field mask, then its value x 1000 per field of the mask (lunr
        // rounds every value to 3 decimals, so the integer is exact).
        var lastDoc = new int[termSlots];
        Array.Fill(lastDoc, -1);
        var count = new int[termSlots];
        var start = new int[termSlots + 1];
        for (var d = 0; d < _docs.Count; d++)
            foreach (var data in _docs[d].Fields)
                foreach (var t in data.Terms)
                {
                    if (lastDoc[t] != d)
                    {
                        lastDoc[t] = d;
                        count[t]++;
                        start[t + 1] += 2;
                    }
                    start[t + 1]++;
                }
        for (var t = 0; t < termSlots; t++) start[t + 1] += start[t];

        var postings = new int[start[termSlots]];
        var next = start[..termSlots];
        var maskAt = lastDoc;
        Array.Fill(maskAt, -1);
        for (var d = 0; d < _docs.Count; d++)
            for (var f = 0; f < fieldCount; f++)
            {
                var data = _docs[d].Fields[f];
                for (var j = 0; j < data.Terms.Length; j++)
                {
                    var t = data.Terms[j];
                    if (maskAt[t] < 0 || postings[maskAt[t] - 1] != d)
                    {
                        postings[next[t]] = d;
                        maskAt[t] = next[t] + 1;
                        next[t] += 2;
                    }
                    postings[maskAt[t]] |= 1 << f;
                    postings[next[t]++] = ScoredPostings.Scaled(scores.Of(_docs[d], f, j));
                }
                // This document's field is in the postings now.
                _docs[d].Fields[f] = default;
            }

        var terms = _terms.Keys.ToList();
        terms.Sort(StringComparer.Ordinal);
        var termIndexes = terms.Select(t => _terms[t].Index).ToArray();
        return new ScoredPostings(_fieldOrder, SearchPipeline, _docs.Count, terms, termIndexes, postings, start, count);
    }

    // BM25 as lunr.Builder#createFieldVectors computes it: the field lengths' averages and the terms' idf, then a score per
    // term of a document's field, rounded to 3 decimals.
    private sealed class Scores
    {
        private readonly IndexBuilder _builder;
        private readonly double[] _average;
        private readonly double[] _idf;
        private readonly double[] _fieldBoost;

        public Scores(IndexBuilder builder)
        {
            builder.FreezeFields();
            _builder = builder;
            var fields = builder._fieldOrder!;
            _average = new double[fields.Length];
            _fieldBoost = new double[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                double sum = 0;
                foreach (var doc in builder._docs) sum += doc.Fields[f].Length;
                _average[f] = sum / builder._docs.Count;
                var fieldBoost = builder._fields[builder._fieldOptionSlot![f]].Value.Boost;
                _fieldBoost[f] = fieldBoost == 0 || double.IsNaN(fieldBoost) ? 1 : fieldBoost;
            }
            _idf = new double[builder._termsByIndex.Count];
            for (var t = 0; t < _idf.Length; t++)
            {
                var withTerm = 0;
                foreach (var fp in builder._termsByIndex[t].Fields) withTerm += fp?.Count ?? 0;
                var x = (builder._documentCount - withTerm + 0.5) / (withTerm + 0.5);
                _idf[t] = JsNumber.Log(1 + Math.Abs(x));
            }
        }

        // The score of the term at position `at` of the document's field.
        public double Of(DocSlot doc, int field, int at)
        {
            var data = doc.Fields[field];
            var (term, tf) = (data.Terms[at], data.Tf[at]);
            var docBoost = doc.Boost == 0 || double.IsNaN(doc.Boost) ? 1 : doc.Boost;
            var (k1, b) = (_builder._k1, _builder._b);
            // The same operations in the same order as lunr.Builder#createFieldVectors, so every bit agrees.
            var score = _idf[term] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (data.Length / _average[field])) + tf);
            score *= _fieldBoost[field];
            score *= docBoost;
            return JsNumber.RoundTo3(score);
        }
    }

    // Index: the slot's place in _docs, which postings hold instead of the ref (one slot per distinct ref).
    private sealed record DocSlot(string Ref, double Boost, FieldData[] Fields, int Index);

    // A term as one worker thread knows it; its entry (index and postings) is found or made by the in-order merge.
    private sealed class TermKey(string term, int id)
    {
        public string Term { get; } = term;
        // Unique among the keys of one thread: the index of the term's count in its scratch array.
        public int Id { get; } = id;
        public TermEntry? Entry { get; set; }
    }

    private readonly record struct TokenizedField(int Length, TermKey[] Terms, int[] Tf);

    private readonly record struct TokenizedDoc(string Ref, TokenizedField[] Fields);

    // A field of one document: its length in tokens, and its terms' indexes in order with their frequencies.
    private readonly record struct FieldData(int Length, int[] Terms, int[] Tf);

    private sealed class TermEntry(int index, int fieldCount)
    {
        public int Index { get; } = index;
        public FieldPostingBuilder?[] Fields { get; } = new FieldPostingBuilder?[fieldCount];
    }

    private sealed class FieldPostingBuilder
    {
        // Document slots, not refs, while the index is built: growing lists of ints, not of references (which the
        // garbage collector must track and copy with barriers), was a sixth of the merge the whole index waits for.
        private readonly List<int> _slots = new();
        private List<List<KeyValuePair<string, List<object?>>>?>? _metadata;

        public int Count => _slots.Count;

        public int Find(int slot, bool anywhere)
        {
            // Tokens of one document arrive together, so the last ref is the only candidate unless refs repeat.
            if (_slots.Count > 0 && _slots[^1] == slot) return _slots.Count - 1;
            return anywhere ? _slots.IndexOf(slot) : -1;
        }

        public int Add(int slot)
        {
            _slots.Add(slot);
            _metadata?.Add(null);
            return _slots.Count - 1;
        }

        public void AddMetadata(int at, List<string> keys, Token token)
        {
            _metadata ??= Enumerable.Repeat<List<KeyValuePair<string, List<object?>>>?>(null, _slots.Count).ToList();
            var entry = _metadata[at] ??= keys.Select(k => new KeyValuePair<string, List<object?>>(k, new List<object?>())).ToList();
            foreach (var key in keys) entry.First(e => e.Key == key).Value.Add(token.GetMetadata(key));
        }

        public FieldPosting Freeze(List<DocSlot> docs)
        {
            var inserted = new string[_slots.Count];
            for (var i = 0; i < inserted.Length; i++) inserted[i] = docs[_slots[i]].Ref;
            if (!JsKeyOrder.NeedsReorder(inserted, static r => r)) return new FieldPosting(inserted, _metadata?.ToArray());
            var order = JsKeyOrder.Order(Enumerable.Range(0, inserted.Length).ToList(), i => inserted[i]);
            var refs = order.Select(i => inserted[i]).ToArray();
            var metadata = _metadata == null ? null : order.Select(i => (IReadOnlyList<KeyValuePair<string, List<object?>>>?)_metadata[i]).ToArray();
            return new FieldPosting(refs, metadata);
        }
    }
}
