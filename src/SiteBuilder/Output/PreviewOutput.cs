using System.Collections.Concurrent;

namespace SiteBuilder.Output;

/// <summary>
/// The preview's files, kept in memory between edits: steps add to them as to any output, and a step's per-page update
/// replaces and removes files in place (<see cref="SiteOutput.Replace"/>). Every path changed since the last publish is
/// kept in <see cref="Dirty"/>, so that publishing applies only those (not 10 000 entries per keystroke).
/// </summary>
public sealed class PreviewOutput : SiteOutput
{
    /// <summary>The files by site-relative path (ordinal), pages compressed (see <see cref="StoredFile"/>).</summary>
    public ConcurrentDictionary<string, StoredFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths written or removed since the last publish.</summary>
    public ConcurrentDictionary<string, bool> Dirty { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override void Replace(string path, byte[] content)
    {
        Files[path] = StoredFile.Of(path, content);
        Dirty[path] = true;
    }

    /// <summary>Replaces a file with one already kept as the preview keeps it (made by <see cref="StoredFile.Of"/> for this path).</summary>
    public void Replace(string path, StoredFile file)
    {
        Files[path] = file;
        Dirty[path] = true;
    }

    /// <inheritdoc/>
    public override bool Remove(string path)
    {
        Dirty[path] = true;
        return Files.TryRemove(path, out _);
    }

    /// <inheritdoc/>
    public override bool Contains(string path) => Files.ContainsKey(path);

    // The paths added while the engine runs one step whole (null between), so that its next run replaces them.
    private HashSet<string>? _recording;

    /// <summary>Starts recording the paths added (by one step run whole).</summary>
    public void StartRecording() => _recording = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The paths added since <see cref="StartRecording"/>; recording stops.</summary>
    public HashSet<string> StopRecording()
    {
        var paths = _recording ?? [];
        _recording = null;
        return paths;
    }

    /// <inheritdoc/>
    protected override bool Add(string path, byte[] content)
    {
        if (!Files.TryAdd(path, StoredFile.Of(path, content))) return false;
        Dirty[path] = true;
        if (_recording is { } recording) lock (recording) recording.Add(path);
        return true;
    }

    /// <inheritdoc/>
    protected override Stream? Open(string path) =>
        Add(path, []) ? new FileBuffer(bytes => Replace(path, bytes)) : null;

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
