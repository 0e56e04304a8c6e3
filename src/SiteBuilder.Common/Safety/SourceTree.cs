using Mono.Unix;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Safety;

/// <summary>
/// The one way the build reads its source folder. Every path is canonicalised (links followed, <c>..</c> applied) and
/// must stay inside the folder; only regular files are read, up to a size limit. A link that leads out of the folder,
/// a link loop, a dangling link and anything that is not a regular file or folder (a named pipe, a device, a socket)
/// is skipped with a warning at its path, never opened: reading one could publish a machine file, hang or fill memory.
/// Links that stay inside the folder are followed. Thread-safe (it holds no state that changes).
/// </summary>
public sealed class SourceTree
{
    /// <summary>Creates the tree rooted at <paramref name="sourceDir"/> (the folder holding <c>pages/</c>).</summary>
    public SourceTree(string sourceDir)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceDir));
        var (outcome, real) = PathResolver.Resolve(full);
        // The source folder itself is the user's choice on the command line: a link to it is fine.
        Root = outcome == PathResolver.Outcome.Resolved ? real : full;
    }

    /// <summary>The canonical source folder.</summary>
    public string Root { get; }

    /// <summary>
    /// Every regular file below the folder <paramref name="folder"/> (relative to the root, e.g. <c>pages</c>), as
    /// paths relative to that folder with <c>/</c>, in ordinal order; what cannot be read safely is skipped with a
    /// warning. Names for which <paramref name="skip"/> is true (files and folders alike) are passed over silently.
    /// </summary>
    public IReadOnlyList<string> Files(string folder, DiagnosticBag diagnostics, Func<string, bool>? skip = null, bool recursive = true)
    {
        var found = new List<string>();
        var start = Check(folder);
        if (start.Kind != SourceEntryKind.Folder) return found;
        // Real folders already walked: a link back to an ancestor would otherwise be walked forever.
        var walked = new HashSet<string>(StringComparer.Ordinal) { start.RealPath };
        Walk(start.RealPath, "");
        found.Sort(StringComparer.Ordinal);
        return found;

        void Walk(string realDir, string relDir)
        {
            IEnumerable<string> names;
            try { names = Directory.EnumerateFileSystemEntries(realDir).Select(Path.GetFileName).ToList()!; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(DiagnosticCodes.UnreadableSource, At(folder, relDir), $"skipped: the folder cannot be read ({ex.Message})");
                return;
            }
            foreach (string name in names.Order(StringComparer.Ordinal))
            {
                if (skip?.Invoke(name) == true) continue;
                string rel = relDir.Length == 0 ? name : relDir + "/" + name;
                var entry = Classify(realDir, name);
                switch (entry.Kind)
                {
                    case SourceEntryKind.File:
                        found.Add(rel);
                        break;
                    case SourceEntryKind.Folder:
                        if (!recursive) break;
                        if (walked.Add(entry.RealPath)) Walk(entry.RealPath, rel);
                        else diagnostics.Warning(DiagnosticCodes.UnsafeSourceEntry, At(folder, rel),
                            "skipped: this folder is reached a second time through a symbolic link (a loop or a duplicate)");
                        break;
                    default:
                        diagnostics.Warning(DiagnosticCodes.UnsafeSourceEntry, At(folder, rel), "skipped: " + entry.Problem);
                        break;
                }
            }
        }
    }

    /// <summary>What is at <paramref name="relativePath"/> (relative to the root), links followed and contained.</summary>
    public SourceEntry Check(string relativePath)
    {
        if (!IsPlainRelative(relativePath))
            return new SourceEntry(SourceEntryKind.Unsafe, "", 0, $"'{relativePath}' is not a plain path inside the source folder");
        return Classify(Root, relativePath);
    }

    /// <summary>
    /// Reads the regular file at <paramref name="relativePath"/> (relative to the root) when it is inside the tree and at
    /// most <paramref name="maxBytes"/> long; otherwise false with the code and reason in <paramref name="problem"/>.
    /// </summary>
    public bool TryRead(string relativePath, long maxBytes, out byte[] bytes, out SourceProblem problem)
    {
        bytes = [];
        problem = new SourceProblem("", "");
        var entry = Check(relativePath);
        if (entry.Kind != SourceEntryKind.File)
        {
            problem = new SourceProblem(entry.Kind == SourceEntryKind.Missing ? DiagnosticCodes.UnreadableSource : DiagnosticCodes.UnsafeSourceEntry,
                entry.Kind == SourceEntryKind.Missing ? "the file does not exist" : entry.Problem);
            return false;
        }
        if (entry.Length > maxBytes)
        {
            problem = new SourceProblem(DiagnosticCodes.FileTooLarge,
                $"the file is {Bytes(entry.Length)}, more than the {Bytes(maxBytes)} SiteBuilder reads from one file");
            return false;
        }
        try
        {
            using var handle = File.OpenHandle(entry.RealPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Never more than was checked, even if the file grew since.
            long length = Math.Min(RandomAccess.GetLength(handle), maxBytes);
            bytes = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            if (read < length) bytes = bytes[..read];
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = new SourceProblem(DiagnosticCodes.UnreadableSource, "the file cannot be read: " + ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Reads a file like <see cref="TryRead"/>; when it cannot be read, reports an error at its path (the code says why)
    /// and returns null.
    /// </summary>
    public byte[]? Read(string relativePath, long maxBytes, DiagnosticBag diagnostics)
    {
        if (TryRead(relativePath, maxBytes, out byte[] bytes, out var problem)) return bytes;
        diagnostics.Error(problem.Code, new SourceLocation(relativePath, 1, 1), "not read: " + problem.Message);
        return null;
    }

    /// <summary>True when <paramref name="path"/> names a file or folder below a root without climbing out of it.</summary>
    public static bool IsPlainRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\') && !path.Contains('\0') &&
        path.Split('/').All(part => part is not ("" or "." or ".."));

    // What is at `relative` below the canonical folder `realBase`.
    private SourceEntry Classify(string realBase, string relative)
    {
        string path = Path.Join(realBase, relative);
        var (outcome, real) = PathResolver.Resolve(realBase, relative);
        switch (outcome)
        {
            case PathResolver.Outcome.Loop:
                return new SourceEntry(SourceEntryKind.Unsafe, "", 0, "a symbolic link loop");
            case PathResolver.Outcome.Missing:
                return new FileInfo(path).LinkTarget is { } dangling
                    ? new SourceEntry(SourceEntryKind.Unsafe, "", 0, $"a symbolic link to '{dangling}', which does not exist")
                    : new SourceEntry(SourceEntryKind.Missing, "", 0, "it does not exist");
        }
        if (!PathResolver.IsInside(real, Root))
            return new SourceEntry(SourceEntryKind.Unsafe, "", 0, "a symbolic link that leads outside the source folder");
        UnixFileSystemInfo info;
        try { info = UnixFileSystemInfo.GetFileSystemEntry(real); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new SourceEntry(SourceEntryKind.Unsafe, "", 0, "it cannot be read: " + ex.Message);
        }
        return info.FileType switch
        {
            FileTypes.RegularFile => new SourceEntry(SourceEntryKind.File, real, info.Length, ""),
            FileTypes.Directory => new SourceEntry(SourceEntryKind.Folder, real, 0, ""),
            FileTypes.Fifo => new SourceEntry(SourceEntryKind.Unsafe, "", 0, "a named pipe, not a regular file"),
            FileTypes.CharacterDevice or FileTypes.BlockDevice => new SourceEntry(SourceEntryKind.Unsafe, "", 0, "a device, not a regular file"),
            FileTypes.Socket => new SourceEntry(SourceEntryKind.Unsafe, "", 0, "a socket, not a regular file"),
            _ => new SourceEntry(SourceEntryKind.Unsafe, "", 0, "not a regular file"),
        };
    }

    private static SourceLocation At(string folder, string rel) => new(rel.Length == 0 ? folder : folder + "/" + rel, 1, 1);

    /// <summary>A size for people: <c>12 MiB</c>, <c>300 KiB</c>, <c>17 bytes</c>.</summary>
    public static string Bytes(long n) =>
        n >= 1 << 20 ? $"{n / (double)(1 << 20):0.#} MiB" : n >= 1 << 10 ? $"{n / 1024.0:0.#} KiB" : $"{n} bytes";
}
