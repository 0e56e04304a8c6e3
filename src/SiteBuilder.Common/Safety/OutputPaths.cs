using System.Text;

namespace SiteBuilder.Safety;

/// <summary>
/// The containment rule for writes: a file of the site is named by a plain relative path that cannot leave the output
/// folder. Content that names output paths (aliases, statswiki addresses, slugs) is checked with the same rule where it
/// is read, so the problem is reported at its line; the site output (<c>SiteOutput</c>) checks every path again.
/// </summary>
public static class OutputPaths
{
    /// <summary>The longest name of one file or folder most file systems take, in UTF-8 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Null when <paramref name="path"/> is a safe site path (e.g. <c>guide/index.html</c>), else why it is not.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "the path is empty";
        if (path[0] == '/' || Path.IsPathRooted(path)) return "the path is absolute";
        foreach (string segment in path.Split('/'))
            if (SegmentProblem(segment) is { } problem) return problem;
        return null;
    }

    /// <summary>Null when <paramref name="segment"/> can be one folder or file name of the output, else why it cannot.</summary>
    public static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0) return "the path has an empty part ('//')";
        if (segment is "." or "..") return $"the path has a '{segment}' part";
        foreach (char c in segment)
        {
            if (c == '\\') return "the path has a backslash";
            if (c == '/') return "a part of the path holds a '/'";
            if (char.IsControl(c)) return "the path has a control character";
        }
        if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes) return $"a part of the path is longer than {MaxSegmentBytes} bytes";
        return null;
    }
}
