using System.Text;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A frozen lunr index, lunr's <c>lunr.Index</c>: made by <see cref="IndexBuilder.Build"/> and serialized by
/// <see cref="WriteJson"/> exactly as lunr.js's <c>JSON.stringify(index)</c>. Searching is lunr.js's, in the reader's
/// browser (through <c>sb-search.js</c>); this side only builds. Safe to share across threads.
/// </summary>
public sealed class LunrIndex
{
    /// <summary>The lunr version the serialized form claims, which lunr.js checks on load.</summary>
    public const string LunrVersion = "2.3.9";

    private readonly Dictionary<string, Posting> _invertedIndex;
    private readonly List<KeyValuePair<string, Vector>> _fieldVectors;

    internal LunrIndex(IReadOnlyList<string> fields, List<KeyValuePair<string, Vector>> fieldVectors,
        Dictionary<string, Posting> invertedIndex, Pipeline pipeline)
    {
        Fields = fields;
        _fieldVectors = fieldVectors;
        _invertedIndex = invertedIndex;
        Pipeline = pipeline;
    }

    /// <summary>The indexed fields, in lunr's order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The pipeline lunr.js runs query terms through (serialized as <c>pipeline</c>).</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _invertedIndex.Count;

    /// <summary>The terms in ordinal (UTF-16 code unit) order, as lunr.js sorts them.</summary>
    internal List<string> SortedTerms()
    {
        var terms = _invertedIndex.Keys.ToList();
        terms.Sort(StringComparer.Ordinal);
        return terms;
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
}
