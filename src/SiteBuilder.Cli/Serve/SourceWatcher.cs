namespace SiteBuilder.Cli.Serve;

/// <summary>
/// Watches <c>pages/</c>, <c>layouts/</c> and <c>site.yml</c> and reports changed paths (relative to the
/// source folder, with <c>/</c>) in batches: a burst of events (an editor writing a temporary file, then
/// renaming it) becomes one batch once the folder has been quiet for the debounce time.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    // A burst that never goes quiet (a checkout of many files) is still flushed this often.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    private readonly string _sourceDir;
    private readonly TimeSpan _debounce;
    private readonly Action<IReadOnlyCollection<string>> _onBatch;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly object _gate = new();
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private DateTime _firstPending;

    /// <summary>Starts watching; <paramref name="onBatch"/> runs on a timer thread, once per batch.</summary>
    public SourceWatcher(string sourceDir, TimeSpan debounce, Action<IReadOnlyCollection<string>> onBatch)
    {
        _sourceDir = Path.GetFullPath(sourceDir);
        _debounce = debounce;
        _onBatch = onBatch;
        _timer = new Timer(_ => Flush());
        Watch(Path.Combine(_sourceDir, "pages"), "*", recursive: true);
        Watch(Path.Combine(_sourceDir, "layouts"), "*", recursive: true);
        Watch(_sourceDir, "site.yml", recursive: false);
    }

    private void Watch(string dir, string filter, bool recursive)
    {
        if (!Directory.Exists(dir)) return;
        var watcher = new FileSystemWatcher(dir, filter)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Add(e.FullPath);
        watcher.Created += (_, e) => Add(e.FullPath);
        watcher.Deleted += (_, e) => Add(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Add(e.OldFullPath);
            Add(e.FullPath);
        };
        // Lost events (the buffer overflowed): only a full rebuild is safe.
        watcher.Error += (_, _) => Add(Path.Combine(_sourceDir, "site.yml"));
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Add(string fullPath)
    {
        string rel = Path.GetRelativePath(_sourceDir, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        lock (_gate)
        {
            if (_pending.Count == 0) _firstPending = DateTime.UtcNow;
            _pending.Add(rel);
            var wait = DateTime.UtcNow - _firstPending >= MaxDelay ? TimeSpan.Zero : _debounce;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        HashSet<string> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
        }
        _onBatch(batch);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
