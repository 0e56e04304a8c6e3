using System.Buffers;
using System.IO.Compression;

namespace SiteBuilder.Output;

/// <summary>
/// A file of the preview's output as it is kept in memory between edits. Pages (<c>.html</c>) and the search index
/// (<c>search/</c>) are kept compressed: the preview holds every page of the site for the whole session but serves
/// only the few open in a browser (10 000 pages: 240 MB of HTML as it is, about 85 MB compressed). A file is
/// compressed once when written (pages on the thread that rendered them) and decompressed each time it is served or
/// read, which costs well under a millisecond a page; other files (stylesheets, scripts, images) are kept as they
/// are, so the server compares them without decompressing anything. Immutable.
/// </summary>
public sealed class StoredFile
{
    // Brotli's fastest setting: a page is compressed on the critical path of an edit.
    private const int Quality = 1;
    private const int Window = 22;

    // The content, or when _length >= 0, its Brotli compression.
    private readonly byte[] _data;
    // The content's length when compressed; -1 when _data is the content.
    private readonly int _length;

    private StoredFile(byte[] data, int length)
    {
        _data = data;
        _length = length;
    }

    /// <summary>Keeps <paramref name="content"/> for the file at <paramref name="path"/>, compressed when it is a page or the search index's.</summary>
    public static StoredFile Of(string path, byte[] content)
    {
        bool compress = path.EndsWith(".html", StringComparison.Ordinal) || path.StartsWith("search/", StringComparison.Ordinal);
        if (content.Length < 1024 || !compress) return new StoredFile(content, -1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(content.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(content, buffer, out int written, Quality, Window) || written >= content.Length)
                return new StoredFile(content, -1);
            return new StoredFile(buffer.AsSpan(0, written).ToArray(), content.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True when both hold the same bytes, compared as kept (no decompression): the same content is always kept the same
    /// way (the compression is deterministic), and different contents never alike.
    /// </summary>
    public bool SameContent(StoredFile other) => _length == other._length && _data.AsSpan().SequenceEqual(other._data);

    /// <summary>The file's bytes: for a compressed page, a new copy on each read; otherwise the array it was made with.</summary>
    public byte[] Content
    {
        get
        {
            if (_length < 0) return _data;
            byte[] content = new byte[_length];
            if (!BrotliDecoder.TryDecompress(_data, content, out int written) || written != _length)
                throw new InvalidDataException("a page kept in memory could not be decompressed");
            return content;
        }
    }
}
