using System.Collections.Immutable;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Publishes the preview's files as immutable snapshots (<see cref="SiteSnapshot"/>): only the paths changed since the
/// last publish are applied to the last snapshot, instead of copying 10 000 entries per keystroke.
/// The first publish takes every file: until then <see cref="Current"/> is the snapshot it was made with (a rebuild
/// keeps serving the last site until the new one succeeds).
/// </summary>
internal sealed class SnapshotPublisher(PreviewOutput output, SiteSnapshot? previous = null)
{
    private readonly object _lock = new();
    private ImmutableDictionary<string, byte[]> _published = (previous ?? SiteSnapshot.Empty).Files.ToImmutableDictionary(StringComparer.Ordinal);
    private bool _all = true;

    /// <summary>The last snapshot published (before the first, the one it was made with, or the empty site).</summary>
    public SiteSnapshot Current { get; private set; } = previous ?? SiteSnapshot.Empty;

    /// <summary>Publishes every file changed since the last publish (all of them the first time) as a new version.</summary>
    public void PublishChanged()
    {
        lock (_lock)
        {
            if (_all) _published = output.Files.ToImmutableDictionary(StringComparer.Ordinal);
            else Apply(output.Dirty.Keys);
            output.Dirty.Clear();
            _all = false;
            Current = new SiteSnapshot(Current.Version + 1, _published);
        }
    }

    /// <summary>Publishes only <paramref name="paths"/> as a new version (the search index, while an edit may be half-way through the rest).</summary>
    public void PublishOnly(IEnumerable<string> paths)
    {
        lock (_lock)
        {
            var list = paths.ToList();
            Apply(list);
            foreach (string path in list) output.Dirty.TryRemove(path, out _);
            Current = new SiteSnapshot(Current.Version + 1, _published);
        }
    }

    /// <summary>Runs <paramref name="action"/> with no publish under way (changing files a publish reads).</summary>
    public void Locked(Action action)
    {
        lock (_lock) action();
    }

    private void Apply(IEnumerable<string> paths)
    {
        var builder = _published.ToBuilder();
        foreach (string path in paths)
        {
            if (output.Files.TryGetValue(path, out byte[]? bytes)) builder[path] = bytes;
            else builder.Remove(path);
        }
        _published = builder.ToImmutable();
    }
}
