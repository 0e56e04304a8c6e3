using SiteBuilder.Output;

namespace SiteBuilder.Search;

/// <summary>Counts the bytes written to it and keeps none (the gzip size of the index is all the build needs of it).</summary>
internal sealed class CountingStream : WriteOnlyStream
{
    /// <summary>Bytes written so far.</summary>
    public long Count { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
}
