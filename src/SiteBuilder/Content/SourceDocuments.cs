using SiteBuilder.Diagnostics;
using SiteBuilder.Safety;

namespace SiteBuilder.Content;

/// <summary>
/// Source documents published with the site: a source whose <c>url:</c> names a file of the repository
/// (<c>seeds/000_0a8c9aee3857ae7c.txt</c>, or <c>seed</c> for the one document in <c>seeds/</c>) is copied into the
/// site at the same path and linked there, so a reader reads the document instead of a repository page. The path comes
/// from front matter, which is hostile: it goes through <see cref="SourceTree"/> (canonicalised, contained in the source
/// folder, a regular file) and must name no hidden file and be at most <see cref="MaxBytes"/> long; anything else is an
/// error at the <c>url:</c> line, and nothing outside the source folder is ever read.
/// </summary>
public static partial class SourceDocuments
{
    /// <summary>The largest document published: what SiteBuilder reads of any asset.</summary>
    public const long MaxBytes = ReadLimits.AssetBytes;

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
    public static IReadOnlyList<SourceReference> Resolve(IReadOnlyList<SourceReference> sources, SourceTree tree, DiagnosticBag diagnostics)
    {
        if (!sources.Any(s => NamesFile(s.Url))) return sources;
        var result = new List<SourceReference>(sources.Count);
        foreach (var source in sources)
        {
            if (!NamesFile(source.Url)) { result.Add(source); continue; }
            string? path = source.Url == SeedShorthand ? Seed(tree, source, diagnostics) : source.Url;
            if (path is not null && Problem(tree, path) is { } problem)
            {
                diagnostics.Error(problem.Code, source.Location, $"source '{source.Url}' cannot be published: {problem.Message}");
                path = null;
            }
            result.Add(source with { Document = path });
        }
        return result;
    }

    /// <summary>Reads a document <see cref="Resolve"/> accepted; false (with why) if it changed since into something that cannot be published.</summary>
    public static bool TryRead(SourceTree tree, string path, out byte[] bytes, out string problem)
    {
        if (Problem(tree, path) is { } p) { (bytes, problem) = ([], p.Message); return false; }
        bool read = tree.TryRead(path, MaxBytes, out bytes, out var why);
        problem = why.Message;
        return read;
    }

    // The one document in seeds/; null (reported) when there is none or more than one.
    private static string? Seed(SourceTree tree, SourceReference source, DiagnosticBag diagnostics)
    {
        // What the tree cannot read safely is not a candidate; the build's other steps report it where it matters.
        var files = tree.Files(SeedFolder, new DiagnosticBag(), skip: name => name.StartsWith('.'), recursive: false);
        if (files.Count == 1) return SeedFolder + "/" + files[0];
        diagnostics.Error(DiagnosticCodes.SourceSeedAmbiguous, source.Location, files.Count == 0
            ? $"source 'seed' names the seed document, but there is no file in {SeedFolder}/"
            : $"source 'seed' is ambiguous: {SeedFolder}/ holds {files.Count} files; name one, e.g. url: {SeedFolder}/{files[0]}");
        return null;
    }

    private static SourceProblem? Problem(SourceTree tree, string path)
    {
        if (!SourceTree.IsPlainRelative(path))
            return new(DiagnosticCodes.SourceFileUnsafe, "name a file by its path from the repository's root, without '..', a leading '/' or '\\'");
        if (path.Split('/').FirstOrDefault(part => part.StartsWith('.')) is { } hidden)
            return new(DiagnosticCodes.SourceFileUnsafe, $"'{hidden}' is hidden; hidden files and folders are never published");
        var entry = tree.Check(path);
        return entry.Kind switch
        {
            SourceEntryKind.File when entry.Length > MaxBytes => new(DiagnosticCodes.SourceFileTooLarge,
                $"it is {SourceTree.Bytes(entry.Length)}, more than the {SourceTree.Bytes(MaxBytes)} a published document may be"),
            SourceEntryKind.File => null,
            SourceEntryKind.Missing => new(DiagnosticCodes.SourceFileMissing, $"there is no file '{path}' in the repository"),
            SourceEntryKind.Folder => new(DiagnosticCodes.SourceFileUnsafe, "it is a folder, not a file"),
            _ => new(DiagnosticCodes.SourceFileUnsafe, entry.Problem.StartsWith("it ", StringComparison.Ordinal) ? entry.Problem : "it is " + entry.Problem),
        };
    }
}
