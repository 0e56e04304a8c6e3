using System.Collections.Concurrent;
using SiteBuilder.Safety;

namespace SiteBuilder.Output;

/// <summary>
/// Where a build puts the files of the site. Thread-safe: steps add files from parallel loops. A path is added
/// once; a second file at the same path is refused (<see cref="TryAdd(string, byte[])"/> returns false), and so is a
/// file at a path that is a folder of another (<c>sitemap.xml</c> beside <c>sitemap.xml/index.html</c>): the folder
/// and the file could not both be written.
/// Every path is checked here, whatever the kind of output: one that would leave the output folder
/// (<see cref="OutputPaths.Problem"/>) is never written but kept in <see cref="Refused"/>, and the build fails on it.
/// </summary>
public abstract class SiteOutput
{
    private readonly ConcurrentQueue<(string Path, string Problem)> _refused = new();
    // The paths added and the folders they need, to refuse a file where a folder must be, or the other way round.
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    /// <summary>Paths refused because they would leave the output folder, with the reason; the build fails when any is here.</summary>
    public IReadOnlyCollection<(string Path, string Problem)> Refused => _refused;

    /// <summary>Adds a file; false when the path is already taken.</summary>
    /// <param name="path">Path relative to the site root, with <c>/</c>.</param>
    /// <param name="content">The bytes.</param>
    public bool TryAdd(string path, byte[] content) => Refuse(path) || (!Clashes(path) && Add(path, content));

    /// <summary>Adds a UTF-8 text file (no byte-order mark); false when the path is already taken.</summary>
    public bool TryAdd(string path, string text) => Refuse(path) || (!Clashes(path) && Add(path, text));

    /// <summary>Adds a UTF-8 text file from a buffer the caller keeps using (so no string of it is made); false when the path is taken.</summary>
    public bool TryAdd(string path, System.Text.StringBuilder text) => Refuse(path) || (!Clashes(path) && Add(path, text));

    /// <summary>
    /// Adds a file written through a stream, for files too large to hold in memory at once; null when the path is
    /// already taken. The file is complete when the stream is disposed. A refused path gets a stream that keeps nothing.
    /// </summary>
    public Stream? Create(string path) => Refuse(path) ? Stream.Null : Clashes(path) ? null : Open(path);

    /// <summary>
    /// Puts a file at a path whether or not one is there: an output kept between builds (the preview's, which a step's
    /// per-page update changes in place) overrides it; a build's output is only added to.
    /// </summary>
    /// <exception cref="NotSupportedException">This output is written once (a staging folder).</exception>
    public virtual void Replace(string path, byte[] content) =>
        throw new NotSupportedException($"{GetType().Name} is added to once; files are replaced only in an output kept between builds");

    /// <summary>Removes a file (see <see cref="Replace"/>); false when there was none.</summary>
    /// <exception cref="NotSupportedException">This output is written once (a staging folder).</exception>
    public virtual bool Remove(string path) =>
        throw new NotSupportedException($"{GetType().Name} is added to once; files are removed only from an output kept between builds");

    /// <summary>True when a file was added at <paramref name="path"/>.</summary>
    public abstract bool Contains(string path);

    /// <summary>Stores a file at a checked path; false when the path is already taken.</summary>
    protected abstract bool Add(string path, byte[] content);

    /// <summary>Stores a UTF-8 text file at a checked path.</summary>
    protected virtual bool Add(string path, string text) => Add(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Stores a UTF-8 text file from a buffer at a checked path.</summary>
    protected virtual bool Add(string path, System.Text.StringBuilder text) => Add(path, text.ToString());

    /// <summary>Opens a stream for a file at a checked path; null when the path is already taken.</summary>
    protected abstract Stream? Open(string path);

    // True when `path` is a folder of a file already added, or one of its folders is such a file. A duplicate is left
    // to the store's own answer.
    private bool Clashes(string path)
    {
        lock (_files)
        {
            if (_folders.Contains(path)) return true;
            for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
                if (_files.Contains(path[..slash])) return true;
            if (!_files.Add(path)) return false;
            for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1)) _folders.Add(path[..slash]);
            return false;
        }
    }

    // True (the caller stops, as if the file were added) when the path must not be written.
    private bool Refuse(string path)
    {
        if (OutputPaths.Problem(path) is not { } problem) return false;
        _refused.Enqueue((path, problem));
        return true;
    }
}
