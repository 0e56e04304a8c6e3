using System.Text;
using System.Text.Json;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A frozen lunr index, lunr's <c>lunr.Index</c>: made by <see cref="IndexBuilder.Build"/> or <see cref="Load(string)"/>,
/// serialized by <see cref="WriteJson"/> exactly as lunr.js's <c>JSON.stringify(index)</c>, and searchable with lunr's
/// query language and scoring. Safe to share across threads.
/// </summary>
public sealed class LunrIndex
{
    /// <summary>The lunr version the serialized form claims, which lunr.js checks on load.</summary>
    public const string LunrVersion = "2.3.9";

    private readonly Dictionary<string, Posting> _invertedIndex;
    private readonly List<KeyValuePair<string, Vector>> _fieldVectors;
    private readonly Dictionary<string, Vector> _vectorByFieldRef;
    private readonly Dictionary<string, int> _fieldOrdinal;
    private readonly Lazy<TokenSet> _tokenSet;

    internal LunrIndex(IReadOnlyList<string> fields, List<KeyValuePair<string, Vector>> fieldVectors,
        Dictionary<string, Posting> invertedIndex, Pipeline pipeline)
    {
        Fields = fields;
        _fieldVectors = fieldVectors;
        _invertedIndex = invertedIndex;
        Pipeline = pipeline;
        _vectorByFieldRef = new Dictionary<string, Vector>(fieldVectors.Count, StringComparer.Ordinal);
        foreach (var (k, v) in fieldVectors) _vectorByFieldRef[k] = v;
        _fieldOrdinal = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++) _fieldOrdinal[fields[i]] = i;
        // Only searching needs the vocabulary automaton; building and serializing never do.
        _tokenSet = new Lazy<TokenSet>(() => TokenSet.FromArray(SortedTerms()));
    }

    /// <summary>The indexed fields, in lunr's order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The pipeline query terms go through (serialized as <c>pipeline</c>).</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _invertedIndex.Count;

    /// <summary>The posting of <paramref name="term"/>, or null.</summary>
    public Posting? GetPosting(string term) => _invertedIndex.GetValueOrDefault(term);

    /// <summary>The field vectors by field ref (<c>field/docRef</c>), in lunr's order.</summary>
    public IReadOnlyList<KeyValuePair<string, Vector>> FieldVectors => _fieldVectors;

    /// <summary>The terms in ordinal (UTF-16 code unit) order, as lunr.js sorts them.</summary>
    internal List<string> SortedTerms()
    {
        var terms = _invertedIndex.Keys.ToList();
        terms.Sort(StringComparer.Ordinal);
        return terms;
    }

    /// <summary>Searches with lunr's query syntax (<c>foo +bar -baz title:qux ba* fuzzy~1 boosted^10</c>).</summary>
    /// <exception cref="QueryParseException">The query string is not valid lunr syntax.</exception>
    public List<SearchResult> Search(string queryString) => Query(q => new QueryParser(queryString, q).Parse());

    /// <summary>Runs a query built in code, lunr's <c>index.query(fn)</c>; results are sorted by descending score, ties in match order.</summary>
    public List<SearchResult> Query(Action<Query> build)
    {
        var query = new Query(Fields);
        build(query);
        var queryVectors = Fields.ToDictionary(f => f, _ => new Vector(), StringComparer.Ordinal);
        var matchingFields = new Dictionary<string, MatchData>(StringComparer.Ordinal);
        var matchingOrder = new List<string>();
        var termFieldCache = new HashSet<string>(StringComparer.Ordinal);
        var requiredMatches = new Dictionary<string, DocSet>(StringComparer.Ordinal);
        var prohibitedMatches = new Dictionary<string, DocSet>(StringComparer.Ordinal);
        var tokenSet = _tokenSet.Value;

        foreach (var clause in query.Clauses)
        {
            var clauseMatches = DocSet.Empty;
            var terms = clause.UsePipeline ? Pipeline.RunString(clause.Term) : new List<string> { clause.Term };
            foreach (var term in terms)
            {
                var termSet = clause.EditDistance is { } distance ? TokenSet.FromFuzzyString(term, distance) : TokenSet.FromString(term);
                var expandedTerms = tokenSet.Intersect(termSet).ToArray();
                if (expandedTerms.Count == 0 && clause.Presence == QueryPresence.Required)
                {
                    foreach (var field in clause.Fields) requiredMatches[field] = DocSet.Empty;
                    break;
                }
                foreach (var expandedTerm in expandedTerms)
                {
                    var posting = _invertedIndex[expandedTerm];
                    foreach (var field in clause.Fields)
                    {
                        var fieldPosting = posting.Fields[_fieldOrdinal[field]];
                        var matchingSet = DocSet.Of(fieldPosting.Refs);
                        if (clause.Presence == QueryPresence.Required)
                        {
                            clauseMatches = clauseMatches.Union(matchingSet);
                            requiredMatches.TryAdd(field, DocSet.Complete);
                        }
                        if (clause.Presence == QueryPresence.Prohibited)
                        {
                            prohibitedMatches[field] = prohibitedMatches.GetValueOrDefault(field, DocSet.Empty).Union(matchingSet);
                            continue;
                        }
                        queryVectors[field].Upsert(posting.TermIndex, clause.Boost, static (a, b) => a + b);
                        if (!termFieldCache.Add(expandedTerm + "/" + field)) continue;
                        for (var i = 0; i < fieldPosting.Refs.Count; i++)
                        {
                            var fieldRef = field + "/" + fieldPosting.Refs[i];
                            var metadata = fieldPosting.MetadataAt(i);
                            if (matchingFields.TryGetValue(fieldRef, out var match)) match.Add(expandedTerm, field, metadata);
                            else
                            {
                                matchingFields[fieldRef] = new MatchData(expandedTerm, field, metadata);
                                matchingOrder.Add(fieldRef);
                            }
                        }
                    }
                }
            }
            if (clause.Presence == QueryPresence.Required)
            {
                foreach (var field in clause.Fields)
                    requiredMatches[field] = requiredMatches.GetValueOrDefault(field, DocSet.Complete).Intersect(clauseMatches);
            }
        }

        var allRequired = DocSet.Complete;
        var allProhibited = DocSet.Empty;
        foreach (var field in Fields)
        {
            if (requiredMatches.TryGetValue(field, out var r)) allRequired = allRequired.Intersect(r);
            if (prohibitedMatches.TryGetValue(field, out var p)) allProhibited = allProhibited.Union(p);
        }

        if (query.IsNegated())
        {
            // A query of only prohibited clauses matches every document, each scored 0.
            matchingOrder = _fieldVectors.Select(v => v.Key).ToList();
            foreach (var fieldRef in matchingOrder) matchingFields[fieldRef] = new MatchData();
        }

        var results = new List<SearchResult>();
        var byRef = new Dictionary<string, SearchResult>(StringComparer.Ordinal);
        foreach (var fieldRef in matchingOrder)
        {
            var slash = fieldRef.IndexOf('/');
            var fieldName = fieldRef.Substring(0, slash);
            var docRef = fieldRef.Substring(slash + 1);
            if (!allRequired.Contains(docRef) || allProhibited.Contains(docRef)) continue;
            var score = queryVectors[fieldName].Similarity(_vectorByFieldRef[fieldRef]);
            if (byRef.TryGetValue(docRef, out var existing))
            {
                existing.Score += score;
                existing.MatchData.Combine(matchingFields[fieldRef]);
            }
            else
            {
                var result = new SearchResult(docRef, score, matchingFields[fieldRef]);
                byRef[docRef] = result;
                results.Add(result);
            }
        }
        // Array.prototype.sort is stable in V8 (TimSort); OrderByDescending is stable too.
        return results.OrderByDescending(r => r.Score).ToList();
    }

    /// <summary>Writes the index as lunr.js's <c>JSON.stringify(index)</c> would, as UTF-8.</summary>
    public void WriteJson(Stream stream)
    {
        using var o = new JsonOutput(stream);
        o.Ascii("{\"version\":");
        o.String(LunrVersion);
        o.Ascii(",\"fields\":[");
        for (var i = 0; i < Fields.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(Fields[i]);
        }
        o.Ascii("],\"fieldVectors\":[");
        for (var i = 0; i < _fieldVectors.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.Raw('[');
            o.String(_fieldVectors[i].Key);
            o.Ascii(",[");
            var v = _fieldVectors[i].Value;
            for (var j = 0; j < v.Count; j++)
            {
                if (j > 0) o.Raw(',');
                o.Int(v.IndexAt(j));
                o.Raw(',');
                o.Number(v.ValueAt(j));
            }
            o.Ascii("]]");
        }
        o.Ascii("],\"invertedIndex\":[");
        // A posting's keys are "_index" then the fields, enumerated in JavaScript key order.
        var postingKeys = JsKeyOrder.Order(new[] { -1 }.Concat(Enumerable.Range(0, Fields.Count)).ToList(), k => k < 0 ? "_index" : Fields[k]);
        var first = true;
        foreach (var term in SortedTerms())
        {
            if (!first) o.Raw(',');
            first = false;
            var posting = _invertedIndex[term];
            o.Raw('[');
            o.String(term);
            o.Ascii(",{");
            var firstKey = true;
            foreach (var k in postingKeys)
            {
                if (!firstKey) o.Raw(',');
                firstKey = false;
                if (k < 0)
                {
                    o.Ascii("\"_index\":");
                    o.Int(posting.TermIndex);
                    continue;
                }
                o.String(Fields[k]);
                o.Ascii(":{");
                var fp = posting.Fields[k];
                for (var i = 0; i < fp.Refs.Count; i++)
                {
                    if (i > 0) o.Raw(',');
                    o.String(fp.Refs[i]);
                    o.Ascii(":{");
                    var firstMeta = true;
                    foreach (var (key, values) in fp.MetadataAt(i))
                    {
                        if (!firstMeta) o.Raw(',');
                        firstMeta = false;
                        o.String(key);
                        o.Raw(':');
                        o.Value(values);
                    }
                    o.Raw('}');
                }
                o.Raw('}');
            }
            o.Ascii("}]");
        }
        o.Ascii("],\"pipeline\":[");
        var labels = Pipeline.Labels;
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0) o.Raw(',');
            o.String(labels[i]);
        }
        o.Ascii("]}");
    }

    /// <summary>The serialized index as UTF-8 bytes.</summary>
    public byte[] ToJsonBytes()
    {
        using var ms = new MemoryStream();
        WriteJson(ms);
        return ms.ToArray();
    }

    /// <summary>The serialized index as a string.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>Loads a serialized lunr 2.x index (ours or lunr.js's), as <c>lunr.Index.load</c>.</summary>
    /// <exception cref="FormatException">The JSON is not a lunr index.</exception>
    public static LunrIndex Load(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return Load(doc.RootElement);
    }

    /// <summary>Loads a serialized index from a parsed JSON element.</summary>
    /// <exception cref="FormatException">The JSON is not a lunr index.</exception>
    public static LunrIndex Load(JsonElement root)
    {
        try
        {
            var fields = root.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
            var ordinal = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++) ordinal[fields[i]] = i;
            var vectors = new List<KeyValuePair<string, Vector>>();
            foreach (var tuple in root.GetProperty("fieldVectors").EnumerateArray())
            {
                var elements = tuple[1];
                var indexes = new List<int>();
                var values = new List<double>();
                for (var i = 0; i + 1 < elements.GetArrayLength(); i += 2)
                {
                    indexes.Add(elements[i].GetInt32());
                    values.Add(elements[i + 1].GetDouble());
                }
                vectors.Add(new(tuple[0].GetString()!, new Vector(indexes, values)));
            }
            var inverted = new Dictionary<string, Posting>(StringComparer.Ordinal);
            foreach (var tuple in root.GetProperty("invertedIndex").EnumerateArray())
            {
                var termIndex = 0;
                var fps = Enumerable.Repeat(FieldPosting.Empty, fields.Count).ToArray();
                foreach (var prop in tuple[1].EnumerateObject())
                {
                    if (prop.Name == "_index")
                    {
                        termIndex = prop.Value.GetInt32();
                        continue;
                    }
                    if (!ordinal.TryGetValue(prop.Name, out var f)) continue;
                    var refs = new List<string>();
                    var metadata = new List<IReadOnlyList<KeyValuePair<string, List<object?>>>?>();
                    foreach (var docProp in prop.Value.EnumerateObject())
                    {
                        refs.Add(docProp.Name);
                        var meta = docProp.Value.EnumerateObject()
                            .Select(m => new KeyValuePair<string, List<object?>>(m.Name, m.Value.EnumerateArray().Select(JsValue.FromJsonElement).ToList()))
                            .ToList();
                        metadata.Add(meta.Count == 0 ? null : meta);
                    }
                    // JSON.parse re-orders keys the JavaScript way; do the same.
                    var order = JsKeyOrder.Order(Enumerable.Range(0, refs.Count).ToList(), i => refs[i]);
                    fps[f] = new FieldPosting(order.Select(i => refs[i]).ToArray(), metadata.All(m => m == null) ? null : order.Select(i => metadata[i]).ToArray());
                }
                inverted[tuple[0].GetString()!] = new Posting(termIndex, fps);
            }
            var pipeline = Pipeline.Load(root.GetProperty("pipeline").EnumerateArray().Select(p => p.GetString()!));
            return new LunrIndex(fields, vectors, inverted, pipeline);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new FormatException($"Not a serialized lunr index: {ex.Message}", ex);
        }
    }
}
