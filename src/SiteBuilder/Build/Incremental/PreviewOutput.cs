using System.Collections.Concurrent;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The preview's files, kept in memory between edits: steps add to them as to any output, and a step's per-page update
/// replaces and removes files in place (<see cref="SiteOutput.Replace"/>). Every path changed since the last publish is
/// kept in <see cref="Dirty"/>, so that publishing applies only those (not 10 000 entries per keystroke).
/// </summary>
internal sealed class PreviewOutput : SiteOutput
{
    /// <summary>The files by site-relative path (ordinal).</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths written or removed since the last publish.</summary>
    public ConcurrentDictionary<string, bool> Dirty { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override void Replace(string path, byte[] content)
    {
        Files[path] = content;
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

    /// <inheritdoc/>
    protected override bool Add(string path, byte[] content)
    {
        if (!Files.TryAdd(path, content)) return false;
        Dirty[path] = true;
        return true;
    }

    /// <inheritdoc/>
    protected override Stream? Open(string path) => throw new NotSupportedException("the preview's files are added whole");
}
