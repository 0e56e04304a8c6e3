namespace SiteBuilder.Build.Incremental;

/// <summary>
/// The changed source paths the build reads, relative to the source folder with <c>/</c> (e.g.
/// <c>pages/dimis/about.md</c>, <c>layouts/_Layout.cshtml</c>, <c>site.yml</c>). Which steps each path reaches is
/// the steps' own business (each reads the <see cref="BuildProducts.Sources"/> keys it follows); this only drops the
/// paths no step reads.
/// </summary>
public sealed class ChangeSet
{
    /// <summary>True when <c>site.yml</c> changed: everything is rebuilt.</summary>
    public bool Config { get; private set; }

    /// <summary>Every path kept (those the build reads), relative to the source folder with <c>/</c>: the sources' changes for the engine.</summary>
    public SortedSet<string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary>True when nothing the build reads changed.</summary>
    public bool IsEmpty => Paths.Count == 0;

    /// <summary>Sorts paths into a change set; paths the build does not read (e.g. <c>_site/</c>, <c>.git/</c>) are ignored.</summary>
    public static ChangeSet From(IEnumerable<string> paths)
    {
        var set = new ChangeSet();
        foreach (string raw in paths) set.Add(raw);
        return set;
    }

    /// <summary>Adds one changed path.</summary>
    public void Add(string path)
    {
        if (Keep(path) is { } kept) Paths.Add(kept);
    }

    // The path normalised when the build reads it, null when it is ignored.
    private string? Keep(string path)
    {
        // A backslash separates folders on Windows only; elsewhere it is part of a name (one the build reports, SB0113).
        string p = (Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path).TrimStart('/');
        // Hidden files (editor swap files, .DS_Store) are never read by the build.
        if (p.Split('/').Any(part => part.StartsWith('.'))) return null;
        if (p == "site.yml")
        {
            Config = true;
            return p;
        }
        if (p.StartsWith("pages/", StringComparison.Ordinal))
        {
            string rel = p["pages/".Length..];
            // Editor backups (name~) are not pages or assets.
            return rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || (rel.Length > 0 && !rel.EndsWith('~')) ? p : null;
        }
        if (p is "pages" or "layouts" || p.StartsWith("layouts/assets/", StringComparison.Ordinal)) return p;
        // Only top-level templates are layouts or partials; the others cannot be named by a page.
        if (p.StartsWith("layouts/", StringComparison.Ordinal) && p.EndsWith(".cshtml", StringComparison.Ordinal))
            return p["layouts/".Length..^".cshtml".Length].Contains('/') ? null : p;
        return null;
    }
}
