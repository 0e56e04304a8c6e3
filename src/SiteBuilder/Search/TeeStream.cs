using SiteBuilder.Output;

namespace SiteBuilder.Search;

/// <summary>Writes what it is given to every one of its streams, and counts it: one pass feeds the index file, its script form and its gzip size.</summary>
internal sealed class TeeStream(params Stream[] targets) : WriteOnlyStream
{
    /// <summary>Bytes written so far.</summary>
    public long Count { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var target in targets) target.Write(buffer);
        Count += buffer.Length;
    }
}
