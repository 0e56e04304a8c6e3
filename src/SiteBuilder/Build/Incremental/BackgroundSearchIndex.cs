using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;
using SiteBuilder.Search;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The preview's search index, kept off an edit's critical path (seconds at 10 000 pages): the edit is published
/// without it and the index follows from a background task, which later edits never wait for. One index is built at a
/// time: a request that arrives while one runs waits (the newest wins), and a result is taken only when no newer
/// request or rebuild came. The index is made and checked by the BuildSearchIndex step's own methods.
/// </summary>
internal sealed class BackgroundSearchIndex(BuildOptions options, PreviewOutput output, SnapshotPublisher publisher)
{
    private readonly object _lock = new();
    private Task? _task;
    private int _generation;
    private (IReadOnlyList<SearchDocument> Documents, SearchOptions Options, int Generation)? _queued;
    // Set by an edit whose index is still to start (Start captures the pages then).
    private bool _requested;
    private HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>The problems of the last index taken (its size budget).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>The summary line of the last index taken.</summary>
    public IReadOnlyList<string> Summary { get; private set; } = [];

    /// <summary>True while an index is being built.</summary>
    public bool Running
    {
        get { lock (_lock) return _task is { IsCompleted: false }; }
    }

    /// <summary>True when an edit changed what the index reads and <see cref="Start"/> has not started it since.</summary>
    public bool Requested => _requested;

    /// <summary>Records that the pages changed: <see cref="Start"/> builds their index in the background.</summary>
    public void Request() => _requested = true;

    /// <summary>Builds the index of the pages as they are now, at once (the first build is complete when shown).</summary>
    public void BuildNow(BuildContext context)
    {
        var (documents, searchOptions) = (BuildSearchIndex.Documents(context), BuildSearchIndex.Options(context));
        lock (_lock)
        {
            ++_generation;
            _queued = null;
            _requested = false;
            var (result, files) = Write(documents, searchOptions);
            Take(result, files, searchOptions, canPublish: null);
        }
    }

    /// <summary>
    /// Starts the requested index, if any, of the pages of <paramref name="context"/> as they are now (captured on the
    /// caller's thread: they change under later edits); <paramref name="canPublish"/> says, when it is done, whether
    /// the site may show it.
    /// </summary>
    public void Start(BuildContext context, Func<bool> canPublish)
    {
        if (!_requested) return;
        _requested = false;
        var (documents, searchOptions) = (BuildSearchIndex.Documents(context), BuildSearchIndex.Options(context));
        lock (_lock)
        {
            int generation = ++_generation;
            if (_task is { IsCompleted: false })
            {
                _queued = (documents, searchOptions, generation);
                return;
            }
            _task = Task.Run(() => Build(documents, searchOptions, generation, canPublish));
        }
    }

    /// <summary>Forgets what is requested or running: a rebuild's index must not land in an older site's, nor an older one in it.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            _generation++;
            _queued = null;
        }
        _requested = false;
        _paths = new HashSet<string>(StringComparer.Ordinal);
        Diagnostics = [];
        Summary = [];
    }

    /// <summary>Waits for the index being built, if any.</summary>
    public void Wait()
    {
        Task? task;
        lock (_lock) task = _task;
        task?.GetAwaiter().GetResult();
    }

    private void Build(IReadOnlyList<SearchDocument> documents, SearchOptions searchOptions, int generation, Func<bool> canPublish)
    {
        while (true)
        {
            var (result, files) = Write(documents, searchOptions);
            lock (_lock)
            {
                if (_queued is { } next)
                {
                    (documents, searchOptions, generation) = next;
                    _queued = null;
                    continue;
                }
                if (generation == _generation) Take(result, files, searchOptions, canPublish);
                return;
            }
        }
    }

    // The index's files kept as the preview keeps them, each compressed as soon as it is written (on this thread, not
    // under the publisher's lock), so the whole index is never in memory uncompressed, and compared with the files
    // kept before without decompressing them.
    private static (SearchIndexResult Result, Dictionary<string, StoredFile> Files) Write(IReadOnlyList<SearchDocument> documents,
        SearchOptions searchOptions)
    {
        var files = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        var result = SearchIndexWriter.Write(documents, searchOptions, (path, content) =>
        {
            if (!files.TryAdd(path, StoredFile.Of(path, content))) throw new InvalidOperationException($"two search files claim '{path}'");
        });
        return (result, files);
    }

    // Takes a built index into the output, its problems and summary through the BuildSearchIndex step. From the
    // background, its files are also published at once (as a new version) when the site is in a good state; otherwise
    // they wait, marked changed, for the next successful rebuild.
    private void Take(SearchIndexResult result, Dictionary<string, StoredFile> files, SearchOptions searchOptions, Func<bool>? canPublish)
    {
        var context = new BuildContext(options);
        BuildSearchIndex.AddIndex(context, result, searchOptions);
        publisher.Locked(() =>
        {
            var touched = new HashSet<string>(_paths, StringComparer.Ordinal);
            touched.UnionWith(files.Keys);
            foreach (string path in _paths)
                if (!files.ContainsKey(path)) output.Remove(path);
            _paths = files.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var (path, file) in files)
                if (!output.Files.TryGetValue(path, out StoredFile? old) || !old.SameContent(file)) output.Replace(path, file);
            Diagnostics = context.Diagnostics.ToSortedList();
            Summary = context.Summary.ToList();
            if (canPublish is not null && canPublish() && !Diagnostics.Any(d => d.IsError || (options.Strict && d.FailsStrict)))
                publisher.PublishOnly(touched);
        });
    }
}
