using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Search.Shards;

/// <summary>
/// One data file of the sharded format: <c>SiteBuilderSearch.add("ID",DATA);</c>, where DATA is JSON (ASCII only, so
/// no encoding a browser assumes for a script can change it): an array of rows, or an object written raw.
/// </summary>
internal sealed class ScriptBuilder
{
    private MemoryStream _body = new();
    private bool _first = true;

    public ScriptBuilder() => Json = new JsonOutput(_body, asciiOnly: true);

    /// <summary>The writer of the data (rows between <see cref="BeginRow"/> and <see cref="EndRow"/>).</summary>
    public JsonOutput Json { get; private set; }

    /// <summary>Bytes of data so far.</summary>
    public long Length => Json.Written;

    /// <summary>Starts an item of the top-level array (writes the comma before all but the first).</summary>
    public void BeginItem()
    {
        if (!_first) Json.Raw(',');
        _first = false;
    }

    /// <summary>Starts an item that is itself an array.</summary>
    public void BeginRow()
    {
        BeginItem();
        Json.Raw('[');
    }

    /// <summary>Ends a row begun with <see cref="BeginRow"/>.</summary>
    public void EndRow() => Json.Raw(']');

    /// <summary>The file: the rows as an array.</summary>
    public byte[] Finish(string id) => Wrap(id, '[', ']');

    /// <summary>The file: what was written, as an object.</summary>
    public byte[] FinishObject(string id) => Wrap(id, '{', '}');

    private byte[] Wrap(string id, char open, char close)
    {
        Json.Flush();
        var body = _body.ToArray();
        using var ms = new MemoryStream(body.Length + id.Length + 32);
        using (var o = new JsonOutput(ms, asciiOnly: true))
        {
            o.Ascii("SiteBuilderSearch.add(");
            o.String(id);
            o.Raw(',');
            o.Raw(open);
        }
        ms.Write(body);
        ms.WriteByte((byte)close);
        ms.Write(");\n"u8);
        return ms.ToArray();
    }

    /// <summary>Empties the builder for the next file.</summary>
    public void Reset()
    {
        _body = new MemoryStream();
        Json = new JsonOutput(_body, asciiOnly: true);
        _first = true;
    }
}
