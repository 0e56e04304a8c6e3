namespace SiteBuilder.Cli.Serve;

/// <summary>
/// Files under <c>pages/</c> are copied into the site as they are. A symbolic link there that points
/// outside <c>pages/</c> would publish a file from elsewhere on the machine, so the preview server does
/// not serve such files.
/// </summary>
public sealed class SymlinkGuard
{
    private readonly string _root;

    /// <summary>Guards the files under <paramref name="pagesDir"/>.</summary>
    public SymlinkGuard(string pagesDir) => _root = RealPath(Path.GetFullPath(pagesDir)).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>
    /// False when the site file <paramref name="key"/> is copied from <c>pages/</c> and that file, or a
    /// folder on the way to it, is a link that leads outside <c>pages/</c>.
    /// </summary>
    public bool IsServable(string key)
    {
        string path = _root;
        foreach (string segment in key.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, segment);
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists) return true; // a generated file (HTML, sitemap), not a copy of a source file
            if (info.LinkTarget is null) continue;
            string target = RealPath(path);
            if (!IsUnder(target)) return false;
            path = target;
        }
        return true;
    }

    private bool IsUnder(string path) =>
        path == _root || path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RealPath(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? path : Path.GetFullPath(target.FullName);
    }
}
