using System.Collections.Concurrent;

namespace SiteBuilder.Output;

/// <summary>Keeps the site's files in memory: for dry runs, tests, and the preview server, which serves them from there.</summary>
public sealed class MemoryOutput : SiteOutput
{
    /// <summary>The files by site-relative path (ordinal).</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    protected override bool Add(string path, byte[] content) => Files.TryAdd(path, content);

    /// <inheritdoc/>
    protected override Stream? Open(string path) =>
        Files.TryAdd(path, []) ? new FileBuffer(bytes => Files[path] = bytes) : null;

    /// <inheritdoc/>
    public override bool Contains(string path) => Files.ContainsKey(path);

    // Collects what is written and stores it when disposed.
    private sealed class FileBuffer(Action<byte[]> store) : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing) store(ToArray());
            base.Dispose(disposing);
        }
    }

}
