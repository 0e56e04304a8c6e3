namespace SiteBuilder.Content;

/// <summary>Pretty URLs: <c>dimis/about.md</c> → <c>dimis/about/</c>, <c>dimis/index.md</c> → <c>dimis/</c>.</summary>
public static class Permalinks
{
    /// <summary>The site-relative URL (no leading slash, trailing slash; the home page is the empty string).</summary>
    /// <param name="relativePath">Path under <c>pages/</c> with <c>/</c> separators.</param>
    public static string FromRelativePath(string relativePath)
    {
        string noExt = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath;
        if (noExt == "index") return "";
        if (noExt.EndsWith("/index", StringComparison.Ordinal)) noExt = noExt[..^"index".Length];
        else noExt += "/";
        return noExt.ToLowerInvariant();
    }

    /// <summary>The output file of a URL: <c>dimis/about/</c> → <c>dimis/about/index.html</c>.</summary>
    public static string OutputPath(string url) => url + "index.html";

    /// <summary>
    /// A relative href from the page at <paramref name="fromUrl"/> to <paramref name="toUrl"/> (both site-relative),
    /// so the output also works from <c>file://</c> and under any base path.
    /// </summary>
    public static string Relative(string fromUrl, string toUrl)
    {
        // Both URLs name folders (or, for files, a path whose last segment is the file): climb to the common folder.
        // Called for every sidebar entry of every page (millions of times on a large site), so it walks the two
        // strings in place instead of splitting them; empty segments are skipped as Split(RemoveEmptyEntries) did.
        int toDirEnd = toUrl.LastIndexOf('/') + 1;
        ReadOnlySpan<char> from = fromUrl, toDirs = toUrl.AsSpan(0, toDirEnd);
        int f = 0, t = 0;
        while (NextSegment(from, ref f, out var a) && NextSegment(toDirs, ref t, out var b) && from[a].SequenceEqual(toDirs[b]))
        {
            // Both positions have moved past a common segment.
            (f, t) = (a.End.Value, b.End.Value);
        }
        // f and t now point at the first segment that differs (or past the end); count what is left of `from`.
        int up = 0;
        for (int i = f; NextSegment(from, ref i, out var seg); i = seg.End.Value) up++;
        int length = up * 3 + (toUrl.Length - toDirEnd);
        for (int i = t; NextSegment(toDirs, ref i, out var seg); i = seg.End.Value) length += seg.End.Value - seg.Start.Value + 1;
        if (length == 0) return "./";
        // Written into one buffer of the exact length: no builder, one string.
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        int at = 0;
        for (int i = 0; i < up; i++, at += 3) "../".CopyTo(buffer[at..]);
        for (int i = t; NextSegment(toDirs, ref i, out var seg); i = seg.End.Value)
        {
            toDirs[seg].CopyTo(buffer[at..]);
            at += seg.End.Value - seg.Start.Value;
            buffer[at++] = '/';
        }
        toUrl.AsSpan(toDirEnd).CopyTo(buffer[at..]);
        return new string(buffer);
    }

    /// <summary>The next non-empty <c>/</c>-separated segment at or after <paramref name="pos"/> (which moves to its start).</summary>
    private static bool NextSegment(ReadOnlySpan<char> s, ref int pos, out Range segment)
    {
        while (pos < s.Length && s[pos] == '/') pos++;
        int end = pos;
        while (end < s.Length && s[end] != '/') end++;
        segment = pos..end;
        return end > pos;
    }

    /// <summary>The relative path from a page to the site root: <c>./</c>, <c>../</c>, <c>../../</c>.</summary>
    public static string Root(string fromUrl) => Relative(fromUrl, "");
}
