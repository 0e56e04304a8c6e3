namespace SiteBuilder.Cli.Serve;

/// <summary>
/// Maps a request to a key of the in-memory site (<c>dimis/index.html</c>), or refuses it. The site
/// is only ever looked up by key, never on disk, so a refused or unknown path cannot reach a file
/// outside the output; the checks here also refuse anything that even tries (400 rather than 404).
/// </summary>
public static class SitePathResolver
{
    // In the raw request line: dot segments, encoded dots and slashes, backslashes, NUL and double encoding.
    private static readonly string[] RawForbidden = ["..", "%2e", "%2f", "%5c", "\\", "%00", "%25"];

    /// <summary>
    /// The site key for a request, or null when the request must be refused.
    /// </summary>
    /// <param name="rawTarget">The request target exactly as sent (<c>/a/b/?q</c>).</param>
    /// <param name="path">The decoded path the server parsed from it.</param>
    /// <returns>The key; empty or ending in <c>/</c> for a folder.</returns>
    public static string? KeyFor(string rawTarget, string? path)
    {
        // Absolute-form (http://host/...) and asterisk-form targets are not for a file server.
        if (!rawTarget.StartsWith('/') || rawTarget.StartsWith("//", StringComparison.Ordinal)) return null;
        string rawPath = rawTarget.IndexOf('?') is var q and >= 0 ? rawTarget[..q] : rawTarget;
        foreach (string bad in RawForbidden)
            if (rawPath.Contains(bad, StringComparison.OrdinalIgnoreCase)) return null;

        if (string.IsNullOrEmpty(path) || path[0] != '/') return null;
        string key = path[1..];
        if (key.Length == 0) return "";
        string[] segments = key.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string s = segments[i];
            // Only a trailing empty segment (a folder URL) is allowed.
            if (s.Length == 0 && i != segments.Length - 1) return null;
            if (s is "." or "..") return null;
            if (s.Any(c => c is '\\' or ':' or '%' or '\0' || char.IsControl(c))) return null;
        }
        return key;
    }
}
