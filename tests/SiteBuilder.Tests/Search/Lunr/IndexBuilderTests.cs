using System.Text;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>The serialized index is byte-for-byte what lunr.js 2.3.9 writes for the same documents and fields.</summary>
public class IndexBuilderTests
{
    private static readonly (string Name, double Boost)[] SiteFields = { ("title", 10), ("body", 1), ("labels", 5) };

    internal static LunrIndex BuildOurs(List<Dictionary<string, object?>> docs, IEnumerable<(string Name, double Boost)> fields,
        double[]? boosts = null, string[]? whitelist = null)
    {
        var builder = new IndexBuilder().Ref("id");
        foreach (var (name, boost) in fields) builder.Field(name, boost);
        if (whitelist != null) builder.MetadataWhitelist.AddRange(whitelist);
        for (var i = 0; i < docs.Count; i++) builder.Add(docs[i], boosts?[i] ?? 1);
        return builder.Build();
    }

    internal static byte[] BuildTheirs(List<Dictionary<string, object?>> docs, IEnumerable<(string Name, double Boost)> fields,
        double[]? boosts = null, string[]? whitelist = null) =>
        LunrJs.Run("index", new Dictionary<string, object?>
        {
            ["ref"] = "id",
            ["fields"] = fields.Select(f => new Dictionary<string, object> { ["name"] = f.Name, ["boost"] = f.Boost }).ToList(),
            ["docs"] = docs,
            ["boosts"] = boosts,
            ["metadataWhitelist"] = whitelist,
        });

    internal static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        string Around(byte[] b) => Encoding.UTF8.GetString(b, Math.Max(0, at - 150), Math.Min(b.Length, at + 150) - Math.Max(0, at - 150));
        Assert.Fail($"JSON differs at byte {at} (lunr.js {expected.Length} bytes, ours {actual.Length}).\nlunr.js: …{Around(expected)}…\nours:    …{Around(actual)}…");
    }

    [Fact]
    public void Index_of_prose_documents_is_byte_identical_to_lunr_js()
    {
        var docs = TestCorpus.Documents();
        Assert.True(docs.Count > 60, "the corpus should hold many documents");
        var ours = BuildOurs(docs, SiteFields).ToJsonBytes();
        AssertSameBytes(BuildTheirs(docs, SiteFields), ours);
        Assert.True(ours.Length > 100_000);
    }

    [Fact]
    public void Index_with_position_and_index_metadata_is_byte_identical_to_lunr_js()
    {
        var docs = TestCorpus.Documents();
        string[] whitelist = { "position", "index" };
        AssertSameBytes(BuildTheirs(docs, SiteFields, whitelist: whitelist), BuildOurs(docs, SiteFields, whitelist: whitelist).ToJsonBytes());
    }

    [Fact]
    public void Document_boosts_unboosted_fields_and_numeric_field_names_match_lunr_js()
    {
        var docs = TestCorpus.Documents();
        foreach (var d in docs) d["7"] = d["title"];
        var boosts = docs.Select((_, i) => i % 5 == 0 ? 2.5 : i % 7 == 0 ? 0.3 : 1).ToArray();
        (string, double)[] fields = { ("body", 1), ("title", 1), ("7", 3) };
        AssertSameBytes(BuildTheirs(docs, fields, boosts), BuildOurs(docs, fields, boosts).ToJsonBytes());
    }

    [Fact]
    public void Duplicate_refs_and_empty_fields_match_lunr_js()
    {
        var docs = TestCorpus.Documents().Take(12).ToList();
        docs.Add(new Dictionary<string, object?> { ["id"] = docs[2]["id"], ["title"] = "Replaced title", ["body"] = "" });
        docs.Add(new Dictionary<string, object?> { ["id"] = 3.5, ["title"] = null, ["body"] = 12345 });
        (string, double)[] fields = { ("title", 1), ("body", 1) };
        AssertSameBytes(BuildTheirs(docs, fields), BuildOurs(docs, fields).ToJsonBytes());
    }

    [Fact]
    public void Cached_default_pipeline_and_general_token_pipeline_build_the_same_index()
    {
        var docs = TestCorpus.Documents();
        var fast = BuildOurs(docs, SiteFields).ToJsonBytes();
        var builder = new IndexBuilder().Ref("id");
        foreach (var (name, boost) in SiteFields) builder.Field(name, boost);
        // Equivalent functions that are not the default instances force the token-by-token path.
        builder.Pipeline.Reset();
        builder.Pipeline.Add(new PipelineFunction("trimmer", Trimmer.Function.Apply), new PipelineFunction("stopWordFilter", StopWordFilter.Function.Apply),
            new PipelineFunction("stemmer", Stemmer.Function.Apply));
        foreach (var d in docs) builder.Add(d);
        AssertSameBytes(fast, builder.Build().ToJsonBytes());
    }

    [Fact]
    public void AddRange_tokenizing_on_worker_threads_builds_what_lunr_js_builds()
    {
        var docs = TestCorpus.Documents();
        var boosts = docs.Select((_, i) => i % 4 == 0 ? 2.5 : 1).ToArray();
        var builder = new IndexBuilder().Ref("id");
        foreach (var (name, boost) in SiteFields) builder.Field(name, boost);
        builder.AddRange(docs.Count, i => docs[i], i => boosts[i]);
        AssertSameBytes(BuildTheirs(docs, SiteFields, boosts), builder.Build().ToJsonBytes());
    }

    [Fact]
    public void AddRange_lower_cases_tokens_as_lunr_js_lower_cases_the_whole_text()
    {
        // Tokens are lower-cased one by one (and cached as written), lunr.js lower-cases the whole text: sigmas next to
        // separators (U+FEFF is both a separator and case-ignorable), the dotted capital I that becomes two code
        // units, and the same words written in several cases.
        string[] bodies =
        [
            "ΟΔΟΣ\uFEFFΑΘΗΝΑ ΟΔΟΣ ΟΔΟΣ-ΑΘΗΝΑ Σ ΑΣ\u00A0Β ΑΣ'\uFEFFΒ",
            "İSTANBUL İstanbul istanbul ISTANBUL The THE the",
            "ΟΔΟΣ ὈΔΌΣ οδος ΣΟΦΙΑ σοφια",
        ];
        var docs = bodies.Select((b, i) => new Dictionary<string, object?> { ["id"] = "d" + i, ["title"] = b, ["body"] = b + " " + b, ["labels"] = null }).ToList();
        var builder = new IndexBuilder().Ref("id");
        foreach (var (name, boost) in SiteFields) builder.Field(name, boost);
        builder.AddRange(docs.Count, i => docs[i]);
        AssertSameBytes(BuildTheirs(docs, SiteFields), builder.Build().ToJsonBytes());
    }

    [Fact]
    public void AddRange_over_many_blocks_and_mixed_with_Add_equals_adding_one_by_one()
    {
        // More documents than one merge block (256), refs repeating, and Add calls before and after.
        var corpus = TestCorpus.Documents();
        var docs = Enumerable.Range(0, 700).Select(i =>
        {
            var d = new Dictionary<string, object?>(corpus[i % corpus.Count]) { ["id"] = (i % 650).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (i % 7 == 0) d["body"] = d["body"] + " extra" + i;
            return d;
        }).ToList();
        var one = BuildOurs(docs, SiteFields).ToJsonBytes();
        var builder = new IndexBuilder().Ref("id");
        foreach (var (name, boost) in SiteFields) builder.Field(name, boost);
        builder.Add(docs[0]);
        builder.AddRange(docs.Count - 2, i => docs[i + 1]);
        builder.Add(docs[^1]);
        AssertSameBytes(one, builder.Build().ToJsonBytes());
    }

    [Fact]
    public void A_document_without_its_ref_is_rejected()
    {
        var builder = new IndexBuilder().Ref("id").Field("body");
        var ex = Assert.Throws<ArgumentException>(() => builder.Add(new Dictionary<string, object?> { ["body"] = "text" }));
        Assert.Contains("'id'", ex.Message);
    }
}
