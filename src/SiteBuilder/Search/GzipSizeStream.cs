using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;
using SiteBuilder.Output;

namespace SiteBuilder.Search;

/// <summary>
/// Measures the gzip size of what is written to it, compressing on a thread of its own: gzip is the slowest part of
/// writing a large index, and the writer goes on with its other outputs meanwhile.
/// </summary>
internal sealed class GzipSizeStream : WriteOnlyStream
{
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _queue = new(boundedCapacity: 64);
    private readonly CountingStream _count = new();
    private readonly Task _worker;

    public GzipSizeStream(CompressionLevel level) => _worker = Task.Run(() =>
    {
        using (var gzip = new GZipStream(_count, level, leaveOpen: true))
        {
            foreach (var (buffer, length) in _queue.GetConsumingEnumerable())
            {
                gzip.Write(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    });

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty) return;
        var copy = ArrayPool<byte>.Shared.Rent(buffer.Length);
        buffer.CopyTo(copy);
        _queue.Add((copy, buffer.Length));
    }

    /// <summary>Waits for the compression to finish and returns the compressed size.</summary>
    public long Finish()
    {
        _queue.CompleteAdding();
        _worker.GetAwaiter().GetResult();
        return _count.Count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            // A failure elsewhere got here first: let the worker drain; its own error, if any, is not the one to report.
            try { _worker.Wait(); } catch (AggregateException) { }
        }
        if (disposing) _queue.Dispose();
        base.Dispose(disposing);
    }
}
