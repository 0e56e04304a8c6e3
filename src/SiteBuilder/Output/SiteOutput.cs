namespace SiteBuilder.Output;

/// <summary>
/// Where a build puts the files of the site. Thread-safe: steps add files from parallel loops. A path is added
/// once; a second file at the same path is refused (<see cref="TryAdd(string, byte[])"/> returns false).
/// </summary>
public abstract class SiteOutput
{
    /// <summary>Adds a file; false when the path is already taken.</summary>
    /// <param name="path">Path relative to the site root, with <c>/</c>.</param>
    /// <param name="content">The bytes.</param>
    public abstract bool TryAdd(string path, byte[] content);

    /// <summary>Adds a UTF-8 text file (no byte-order mark); false when the path is already taken.</summary>
    public virtual bool TryAdd(string path, string text) => TryAdd(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a UTF-8 text file from a buffer the caller keeps using (so no string of it is made); false when the path is taken.</summary>
    public virtual bool TryAdd(string path, System.Text.StringBuilder text) => TryAdd(path, text.ToString());

    /// <summary>
    /// Adds a file written through a stream, for files too large to hold in memory at once; null when the path is
    /// already taken. The file is complete when the stream is disposed.
    /// </summary>
    public abstract Stream? Create(string path);

    /// <summary>True when a file was added at <paramref name="path"/>.</summary>
    public abstract bool Contains(string path);
}
