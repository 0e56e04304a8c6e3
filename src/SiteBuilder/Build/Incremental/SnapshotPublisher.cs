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
    private ImmutableDictionary<string, StoredFile> _published =
        (previous?.Files as PublishedFiles)?.Stored ?? ImmutableDictionary.Create<string, StoredFile>(StringComparer.Ordinal);
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
            Current = new SiteSnapshot(Current.Version + 1, new PublishedFiles(_published));
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
            Current = new SiteSnapshot(Current.Version + 1, new PublishedFiles(_published));
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
            if (output.Files.TryGetValue(path, out StoredFile? file)) builder[path] = file;
            else builder.Remove(path);
        }
        _published = builder.ToImmutable();
    }

    /// <summary>A snapshot's files as bytes, read from the files as kept (pages decompressed on each read).</summary>
    private sealed class PublishedFiles(ImmutableDictionary<string, StoredFile> stored) : IReadOnlyDictionary<string, byte[]>
    {
        public ImmutableDictionary<string, StoredFile> Stored => stored;
        public byte[] this[string key] => stored[key].Content;
        public IEnumerable<string> Keys => stored.Keys;
        public IEnumerable<byte[]> Values => stored.Values.Select(f => f.Content);
        public int Count => stored.Count;
        public bool ContainsKey(string key) => stored.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value)
        {
            value = stored.TryGetValue(key, out var file) ? file.Content : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() =>
            stored.Select(f => KeyValuePair.Create(f.Key, f.Value.Content)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
