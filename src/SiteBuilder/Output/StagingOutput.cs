using System.Collections.Concurrent;
using System.Text;

namespace SiteBuilder.Output;

/// <summary>
/// Writes the site's files as they come into a staging folder beside the output folder, and on
/// <see cref="Commit"/> swaps it in with two renames; disposed without a commit, it deletes the staging folder.
/// A failed or interrupted build therefore leaves the previous site whole, and no file waits in memory for the
/// end of the build. The only code that writes an output folder.
/// </summary>
public sealed class StagingOutput : SiteOutput, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _outputDir;
    private readonly string _staging;
    private readonly string _old;
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly Lock _start = new();
    // Writes hold it shared; a signal's discard holds it alone, so no write is half-way (a folder being created, a file
    // being written) while the staging folder is deleted, and every write after it sees the failure and writes nothing.
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private bool _started;
    private bool _done;

    // Every staging output not yet committed or discarded, so that a signal (Ctrl+C) can remove their folders.
    private static readonly ConcurrentDictionary<StagingOutput, byte> Active = new();

    /// <summary>Prepares to write the site that will replace <paramref name="outputDir"/>. Nothing is written until the first file.</summary>
    public StagingOutput(string outputDir)
    {
        _outputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(_outputDir) ?? ".";
        string name = Path.GetFileName(_outputDir);
        _staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        _old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Active[this] = 0;
    }

    /// <summary>
    /// Deletes the staging folder of every build of this process that has not committed: for the command line's
    /// Ctrl+C and termination handlers, which end the process without unwinding the build.
    /// </summary>
    public static void DiscardAll()
    {
        foreach (var output in Active.Keys)
        {
            output._gate.EnterWriteLock();
            try
            {
                output.Failure ??= "the build was interrupted";
                output.Dispose();
            }
            finally { output._gate.ExitWriteLock(); }
        }
    }

    /// <summary>The first write that failed (the file system's message), or null; once set, nothing more is written.</summary>
    public string? Failure { get; private set; }

    /// <inheritdoc/>
    protected override bool Add(string path, byte[] content) => Stage(path, target => WriteFile(target, content));

    /// <inheritdoc/>
    protected override bool Add(string path, string text) =>
        Stage(path, target => WriteEncoded(target, text.Length, buffer => Utf8.GetBytes(text, buffer)));

    /// <inheritdoc/>
    protected override bool Add(string path, StringBuilder text) => Stage(path, target => WriteEncoded(target, text.Length, buffer =>
    {
        // Chunk by chunk: a surrogate pair split between chunks is carried by the encoder.
        var encoder = Utf8.GetEncoder();
        int written = 0;
        foreach (var chunk in text.GetChunks()) written += encoder.GetBytes(chunk.Span, buffer.AsSpan(written), flush: false);
        return written + encoder.GetBytes([], buffer.AsSpan(written), flush: true);
    }));

    // Encodes text of `length` characters into a pooled buffer (`encode` returns the byte count) and writes it at once.
    private static void WriteEncoded(string target, int length, Func<byte[], int> encode)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(length));
        try { WriteFile(target, buffer.AsSpan(0, encode(buffer))); }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }

    // One open (the staging folder is new, so the file is too), one write, one close: at 10 000 pages the
    // kernel's work per file is a large part of the build.
    private static void WriteFile(string target, ReadOnlySpan<byte> content)
    {
        using var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
    }

    /// <inheritdoc/>
    public override bool Contains(string path) => _paths.ContainsKey(path);


    /// <inheritdoc/>
    protected override Stream? Open(string path)
    {
        Stream? stream = null;
        bool added = Stage(path, target => stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        if (!added) return null;
        return stream is null ? Stream.Null : new GuardedStream(stream, this);
    }

    // Turns a failed write into the output's Failure, as for the other files, instead of an exception in a step.
    private sealed class GuardedStream(Stream inner, StagingOutput output) : WriteOnlyStream
    {
        private bool _failed;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_failed) return;
            try { inner.Write(buffer); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Fail(ex); }
        }

        public override void Flush()
        {
            if (_failed) return;
            try { inner.Flush(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Fail(ex); }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try { inner.Dispose(); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { if (!_failed) Fail(ex); }
            }
            base.Dispose(disposing);
        }

        private void Fail(Exception ex)
        {
            _failed = true;
            output.Failure ??= ex.Message;
        }
    }

    private bool Stage(string path, Action<string> write)
    {
        if (!_paths.TryAdd(path, 0)) return false;
        _gate.EnterReadLock();
        try
        {
            if (Failure is not null || _done) return true;
            Start();
            string target = Path.GetFullPath(Path.Combine(_staging, path));
            // SiteOutput checked the path; this is the last line of defence should that check ever be wrong.
            if (!target.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"output path '{path}' leaves the staging folder");
            string folder = Path.GetDirectoryName(target)!;
            if (_folders.TryAdd(folder, 0)) Directory.CreateDirectory(folder);
            write(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failure ??= ex.Message;
        }
        finally { _gate.ExitReadLock(); }
        return true;
    }

    private void Start()
    {
        if (Volatile.Read(ref _started)) return;
        lock (_start)
        {
            if (_started) return;
            Directory.CreateDirectory(Path.GetDirectoryName(_outputDir) ?? ".");
            DeleteStale();
            DeleteIfExists(_staging);
            DeleteIfExists(_old);
            Directory.CreateDirectory(_staging);
            // Marks the folder as SiteBuilder's, so a later build may replace it (see OutputLocation).
            WriteFile(Path.Combine(_staging, Safety.OutputLocation.MarkerFile), Utf8.GetBytes(Safety.OutputLocation.MarkerText));
            Volatile.Write(ref _started, true);
        }
    }

    /// <summary>Swaps the staged site in as the output folder.</summary>
    /// <returns>The number of files written.</returns>
    /// <exception cref="IOException">A write failed (see <see cref="Failure"/>) or the swap did; the previous site is kept.</exception>
    public int Commit()
    {
        if (_done) throw new InvalidOperationException("the staged site was already committed or discarded");
        if (Failure is not null) throw new IOException(Failure);
        try
        {
            Start();
            if (Directory.Exists(_outputDir)) Directory.Move(_outputDir, _old);
            Directory.Move(_staging, _outputDir);
        }
        catch
        {
            // Put the previous site back if the swap got half-way.
            if (!Directory.Exists(_outputDir) && Directory.Exists(_old)) Directory.Move(_old, _outputDir);
            throw;
        }
        _done = true;
        Active.TryRemove(this, out _);
        DeleteIfExists(_old);
        return _paths.Count;
    }

    /// <summary>Deletes the staging folder unless the site was committed.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        Active.TryRemove(this, out _);
        try { DeleteIfExists(_staging); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    // Staging and old folders of this output left by a build that was killed (a crash, a power cut): a process of
    // that id no longer runs. Only names of the form SiteBuilder gives them are touched.
    private void DeleteStale()
    {
        string parent = Path.GetDirectoryName(_outputDir) ?? ".";
        string name = Path.GetFileName(_outputDir);
        foreach (string entry in Directory.EnumerateFileSystemEntries(parent, $".{name}.*-*"))
        {
            string rest = Path.GetFileName(entry)[(name.Length + 2)..];
            int dash = rest.LastIndexOf('-');
            if (dash < 0 || rest[..dash] is not ("staging" or "old") || !int.TryParse(rest[(dash + 1)..], out int pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { DeleteIfExists(entry); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    // A link is removed, never followed: a link at a staging name must not make the build delete what it points to.
    // A folder's entries two levels down are deleted in parallel: deleting a site's 10 000s of files is mostly waiting on
    // the file system, and a rebuild into an existing output waits for the old one to go (10k pages: CommitSite 5.8 s).
    private static void DeleteIfExists(string dir)
    {
        if (!IsFolder(dir))
        {
            DeleteOne(dir);
            return;
        }
        var entries = Directory.EnumerateFileSystemEntries(dir)
            .SelectMany(entry => IsFolder(entry) ? Directory.EnumerateFileSystemEntries(entry) : [entry]).ToList();
        try { Parallel.ForEach(entries, DeleteOne); }
        catch (AggregateException e) { System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw(); }
        Directory.Delete(dir, recursive: true);
    }

    // A real folder, not a link to one.
    private static bool IsFolder(string path) => Directory.Exists(path) && new FileInfo(path).LinkTarget is null;

    // Directory.Delete removes links inside the folder without following them.
    private static void DeleteOne(string path)
    {
        if (IsFolder(path)) Directory.Delete(path, recursive: true);
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) File.Delete(path);
    }
}
