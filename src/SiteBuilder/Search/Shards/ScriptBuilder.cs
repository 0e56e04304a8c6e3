using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Search.Shards;

/// <summary>
/// One data file of the sharded format: <c>SiteBuilderSearch.add("ID",DATA);</c>, where DATA is JSON (ASCII only, so
/// no encoding a browser assumes for a script can change it): an array of rows, or an object written raw. One builder
/// writes file after file (<see cref="Reset"/>) into the same buffers: the index is written after every edit in the
/// preview, thousands of files each time, and a writer and a stream per file were most of what it allocated.
/// </summary>
internal sealed class ScriptBuilder
{
    private readonly MemoryStream _body = new();
    private readonly MemoryStream _header = new();
    private readonly JsonOutput _headerJson;
    private bool _first = true;

    public ScriptBuilder()
    {
        Json = new JsonOutput(_body, asciiOnly: true);
        _headerJson = new JsonOutput(_header, asciiOnly: true, bufferSize: 64);
    }

    /// <summary>The writer of the data (rows between <see cref="BeginRow"/> and <see cref="EndRow"/>).</summary>
    public JsonOutput Json { get; }

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
        _header.SetLength(0);
        _headerJson.Restart();
        _headerJson.Ascii("SiteBuilderSearch.add(");
        _headerJson.String(id);
        _headerJson.Raw(',');
        _headerJson.Raw(open);
        _headerJson.Flush();
        ReadOnlySpan<byte> header = _header.GetBuffer().AsSpan(0, (int)_header.Length), body = _body.GetBuffer().AsSpan(0, (int)_body.Length);
        ReadOnlySpan<byte> end = [(byte)close, (byte)')', (byte)';', (byte)'\n'];
        var file = new byte[header.Length + body.Length + end.Length];
        header.CopyTo(file);
        body.CopyTo(file.AsSpan(header.Length));
        end.CopyTo(file.AsSpan(header.Length + body.Length));
        return file;
    }

    /// <summary>Empties the builder for the next file.</summary>
    public void Reset()
    {
        _body.SetLength(0);
        Json.Restart();
        _first = true;
    }
}
