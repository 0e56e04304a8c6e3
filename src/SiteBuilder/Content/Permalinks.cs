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
        string[] from = fromUrl.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int toDirEnd = toUrl.LastIndexOf('/') + 1;
        string[] toDirs = toUrl[..toDirEnd].Split('/', StringSplitOptions.RemoveEmptyEntries);
        string file = toUrl[toDirEnd..];
        int common = 0;
        while (common < from.Length && common < toDirs.Length && from[common] == toDirs[common]) common++;
        var sb = new System.Text.StringBuilder();
        for (int i = common; i < from.Length; i++) sb.Append("../");
        for (int i = common; i < toDirs.Length; i++) sb.Append(toDirs[i]).Append('/');
        sb.Append(file);
        return sb.Length == 0 ? "./" : sb.ToString();
    }

    /// <summary>The relative path from a page to the site root: <c>./</c>, <c>../</c>, <c>../../</c>.</summary>
    public static string Root(string fromUrl) => Relative(fromUrl, "");
}
