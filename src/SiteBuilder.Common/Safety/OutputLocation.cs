namespace SiteBuilder.Safety;

/// <summary>
/// Where a build may put its output. A build replaces the whole output folder, so the folder must never hold the
/// source, lie inside what the build reads, or be a folder of someone else's: every rule here protects data that a
/// mistyped <c>--output</c> (or a link committed in a pull request) would otherwise delete. Checked before anything
/// is written.
/// </summary>
public static class OutputLocation
{
    /// <summary>
    /// The file that marks a folder as written by SiteBuilder: only such a folder, an empty one or a missing one is
    /// replaced by a build.
    /// </summary>
    public const string MarkerFile = ".sitebuilder-output";

    /// <summary>The text of <see cref="MarkerFile"/>.</summary>
    public const string MarkerText = "This folder is written by SiteBuilder: each build replaces it whole.\n";

    /// <summary>The output folder inside the source folder when none is given.</summary>
    public const string DefaultFolder = "_site";

    // Folders of the source a build reads or keeps its state in.
    private static readonly string[] Protected = ["pages", "layouts", ".git", ".sitebuilder", ".github"];

    /// <summary>
    /// Null when <paramref name="outputDir"/> may be replaced by a build of <paramref name="sourceDir"/>; otherwise the
    /// reason, as a sentence for the user.
    /// </summary>
    public static string? Problem(string sourceDir, string outputDir)
    {
        string source = Canonical(sourceDir);
        string given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        if (File.Exists(given) && !Directory.Exists(given)) return $"the output '{given}' is a file, not a folder";
        if (new FileInfo(given).LinkTarget is not null)
            return $"the output folder '{given}' is a symbolic link; give the folder it points to, or another one";
        string output = Canonical(given);
        if (output == "/") return "the output folder cannot be the root of the file system";
        if (output == source) return $"the output folder '{given}' is the source folder; the build would replace the pages with the site";
        if (PathResolver.IsInside(source, output))
            return $"the output folder '{given}' holds the source folder '{source}'; the build would replace the pages with the site";
        foreach (string name in Protected)
            if (PathResolver.IsInside(output, Path.Join(source, name)))
                return $"the output folder '{given}' is inside the source's {name}/ folder, which the build reads or keeps";
        // An output named inside the source folder must stay there once links are followed: a link committed in the
        // source cannot send the output elsewhere on the machine.
        string lexicalSource = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceDir));
        if (PathResolver.IsInside(given, lexicalSource) && !PathResolver.IsInside(output, source))
            return $"the output folder '{given}' leads outside the source folder through a symbolic link";
        // SOURCE/_site is the default output, and was written without a marker before there was one.
        bool isDefault = output == Path.Join(source, DefaultFolder);
        if (!isDefault && Directory.Exists(output) && !File.Exists(Path.Join(output, MarkerFile)) && Directory.EnumerateFileSystemEntries(output).Any())
            return $"the output folder '{given}' is not empty and was not written by SiteBuilder (it has no {MarkerFile} file); " +
                   "empty or delete it, or choose another folder";
        return null;
    }

    /// <summary>The canonical form of a path that may not exist yet: its deepest existing folder with links followed, then the rest.</summary>
    public static string Canonical(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rest = new Stack<string>();
        string existing = full;
        while (!Directory.Exists(existing) && !File.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var (outcome, real) = PathResolver.Resolve(existing);
        string result = outcome == PathResolver.Outcome.Resolved ? real : existing;
        while (rest.Count > 0) result = Path.Join(result, rest.Pop());
        return result;
    }
}
