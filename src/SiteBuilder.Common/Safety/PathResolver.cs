namespace SiteBuilder.Safety;

/// <summary>
/// Canonicalises a path the way the kernel walks it — each symbolic link replaced by its target, <c>.</c> and <c>..</c>
/// applied to what the links lead to — with a bound on the links followed, so a loop ends in an answer instead of a
/// hang (Mono.Unix's <c>GetRealPath</c> spins forever on one). Never opens a file.
/// </summary>
internal static class PathResolver
{
    /// <summary>The most links one path may go through (Linux's own limit, <c>MAXSYMLINKS</c>, is 40).</summary>
    public const int MaxLinks = 40;

    /// <summary>What resolving a path found.</summary>
    public enum Outcome
    {
        /// <summary>Every part exists; <c>RealPath</c> is the canonical path.</summary>
        Resolved,
        /// <summary>A part does not exist (a dangling link, or a missing file).</summary>
        Missing,
        /// <summary>More than <see cref="MaxLinks"/> links: a loop.</summary>
        Loop,
    }

    /// <summary>Resolves the absolute <paramref name="path"/>.</summary>
    public static (Outcome Outcome, string RealPath) Resolve(string path) => Resolve("/", Path.GetFullPath(path));

    /// <summary>
    /// Resolves <paramref name="relative"/> from <paramref name="realBase"/>, a folder already canonical (the source
    /// root, or a folder the walk has resolved): only the parts below it are looked at, one <c>lstat</c> each and a
    /// <c>readlink</c> for a link. (Every page is resolved twice, found and read: from <c>/</c> this was most of the
    /// safety work of a build.)
    /// </summary>
    public static (Outcome Outcome, string RealPath) Resolve(string realBase, string relative)
    {
        var pending = new Stack<string>();
        PushParts(pending, relative);
        string current = Path.IsPathRooted(relative) ? "/" : realBase;
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part is "" or ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            string candidate = Path.Join(current, part);
            var info = new FileInfo(candidate);
            // One lstat: -1 when nothing is there (or a part above it is a file); a link is a reparse point.
            FileAttributes attributes;
            try { attributes = info.Attributes; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return (Outcome.Missing, candidate); }
            if ((int)attributes == -1) return (Outcome.Missing, candidate);
            if ((attributes & FileAttributes.ReparsePoint) == 0 || info.LinkTarget is not { } target)
            {
                current = candidate;
                continue;
            }
            if (++links > MaxLinks) return (Outcome.Loop, candidate);
            // The target's parts come next, before what remained of the path; an absolute target starts again at /.
            PushParts(pending, target);
            if (Path.IsPathRooted(target)) current = "/";
        }
        return (Outcome.Resolved, current);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both canonical).</summary>
    public static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private static void PushParts(Stack<string> pending, string path)
    {
        string[] parts = path.Split('/');
        for (int i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
