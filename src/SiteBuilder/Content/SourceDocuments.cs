using Mono.Unix;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Content;

/// <summary>
/// Source documents published with the site: a source whose <c>url:</c> names a file of the repository
/// (<c>seeds/000_0a8c9aee3857ae7c.txt</c>, or <c>seed</c> for the one document in <c>seeds/</c>) is copied into the
/// site at the same path and linked there, so a reader reads the document instead of a repository page. The path comes
/// from front matter, which is hostile: it must be plainly relative, name no hidden file, go through no symbolic link,
/// lead to a regular file inside the source folder and be at most <see cref="MaxBytes"/> long; anything else is an
/// error at the <c>url:</c> line, and nothing outside the source folder is ever read.
/// </summary>
public static partial class SourceDocuments
{
    /// <summary>The largest document published (GitHub Pages refuses files over 100 MB).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The shorthand for the site's seed document.</summary>
    public const string SeedShorthand = "seed";

    /// <summary>The folder the seed document lives in.</summary>
    public const string SeedFolder = "seeds";

    /// <summary>True when a source URL names a file of the repository rather than a web address.</summary>
    public static bool NamesFile(string url) =>
        url == SeedShorthand || !(url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('#') || Scheme().IsMatch(url));

    // A URL scheme (https:, mailto:), at least two letters so that a drive letter is not one.
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+:")]
    private static partial System.Text.RegularExpressions.Regex Scheme();

    /// <summary>
    /// The sources with <see cref="SourceReference.Document"/> set for each that names a publishable file; a source
    /// that names a file which cannot be published is reported at its <c>url:</c> and left unpublished.
    /// </summary>
    public static IReadOnlyList<SourceReference> Resolve(IReadOnlyList<SourceReference> sources, string sourceDir, DiagnosticBag diagnostics)
    {
        if (!sources.Any(s => NamesFile(s.Url))) return sources;
        var result = new List<SourceReference>(sources.Count);
        foreach (var source in sources)
        {
            if (!NamesFile(source.Url)) { result.Add(source); continue; }
            string? path = source.Url == SeedShorthand ? Seed(sourceDir, source, diagnostics) : source.Url;
            if (path is not null && Problem(sourceDir, path) is { } problem)
            {
                diagnostics.Error(problem.Code, source.Location, $"source '{source.Url}' cannot be published: {problem.Message}");
                path = null;
            }
            result.Add(source with { Document = path });
        }
        return result;
    }

    /// <summary>Reads a document <see cref="Resolve"/> accepted; false (with why) if it changed since into something that cannot be published.</summary>
    public static bool TryRead(string sourceDir, string path, out byte[] bytes, out string problem)
    {
        bytes = [];
        if (Problem(sourceDir, path) is { } p) { problem = p.Message; return false; }
        try
        {
            using var handle = File.OpenHandle(Path.Join(sourceDir, path), FileMode.Open, FileAccess.Read, FileShare.Read);
            // Never more than the bound, even if the file grew after it was checked.
            bytes = new byte[Math.Min(RandomAccess.GetLength(handle), MaxBytes)];
            int read = 0, n;
            while (read < bytes.Length && (n = RandomAccess.Read(handle, bytes.AsSpan(read), read)) > 0) read += n;
            if (read < bytes.Length) bytes = bytes[..read];
            problem = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = "it cannot be read: " + ex.Message;
            return false;
        }
    }

    // The one document in seeds/; null (reported) when there is none or more than one.
    private static string? Seed(string sourceDir, SourceReference source, DiagnosticBag diagnostics)
    {
        string folder = Path.Join(sourceDir, SeedFolder);
        var files = Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is null
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(f => !f.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 1) return SeedFolder + "/" + files[0];
        diagnostics.Error(DiagnosticCodes.SourceSeedAmbiguous, source.Location, files.Count == 0
            ? $"source 'seed' names the seed document, but there is no file in {SeedFolder}/"
            : $"source 'seed' is ambiguous: {SeedFolder}/ holds {files.Count} files; name one, e.g. url: {SeedFolder}/{files[0]}");
        return null;
    }

    private static (string Code, string Message)? Problem(string sourceDir, string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Contains('\\') || path.Contains('\0') ||
            path.Split('/').Any(part => part is "" or "." or ".."))
            return (DiagnosticCodes.SourceFileUnsafe, "name a file by its path from the repository's root, without '..', a leading '/' or '\\'");
        string current = sourceDir;
        string[] parts = path.Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('.')) return (DiagnosticCodes.SourceFileUnsafe, $"'{parts[i]}' is hidden; hidden files and folders are never published");
            current = Path.Join(current, parts[i]);
            UnixFileSystemInfo info;
            try
            {
                info = UnixFileSystemInfo.GetFileSystemEntry(current);
                if (!info.Exists) return (DiagnosticCodes.SourceFileMissing, $"there is no file '{path}' in the repository");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                return (DiagnosticCodes.SourceFileMissing, $"there is no file '{path}' in the repository");
            }
            // No link at all: a path that is the same on disk as it reads can never lead out of the source folder.
            if (info.IsSymbolicLink) return (DiagnosticCodes.SourceFileUnsafe, $"'{string.Join('/', parts[..(i + 1)])}' is a symbolic link");
            bool last = i == parts.Length - 1;
            if (!last && info.FileType != FileTypes.Directory) return (DiagnosticCodes.SourceFileMissing, $"there is no file '{path}' in the repository");
            if (last && info.FileType != FileTypes.RegularFile) return (DiagnosticCodes.SourceFileUnsafe, "it is not a regular file");
            if (last && info.Length > MaxBytes)
                return (DiagnosticCodes.SourceFileTooLarge, $"it is {info.Length / (1024 * 1024)} MiB, more than the {MaxBytes / (1024 * 1024)} MiB a published document may be");
        }
        return null;
    }
}
