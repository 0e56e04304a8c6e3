namespace SiteBuilder.Build.Incremental;

/// <summary>
/// Source changes sorted by what they invalidate. Paths are relative to the source folder with <c>/</c>
/// (e.g. <c>pages/dimis/about.md</c>, <c>layouts/_Layout.cshtml</c>, <c>site.yml</c>).
/// </summary>
public sealed class ChangeSet
{
    /// <summary>True when <c>site.yml</c> changed: everything is rebuilt.</summary>
    public bool Config { get; private set; }
    /// <summary>Markdown pages under <c>pages/</c>, as paths under <c>pages/</c>.</summary>
    public SortedSet<string> Pages { get; } = new(StringComparer.Ordinal);
    /// <summary>True when a non-Markdown file or a folder under <c>pages/</c> changed (images, PDFs, moved folders).</summary>
    public bool PageAssets => PageAssetPaths.Count > 0;
    /// <summary>The non-Markdown paths under <c>pages/</c> that changed, as paths under <c>pages/</c>.</summary>
    public SortedSet<string> PageAssetPaths { get; } = new(StringComparer.Ordinal);
    /// <summary>Layouts (without <c>.cshtml</c>) whose own template changed.</summary>
    public SortedSet<string> Layouts { get; } = new(StringComparer.Ordinal);
    /// <summary>True when <c>_Layout</c> or a partial (<c>_X.cshtml</c>) changed: every page re-renders.</summary>
    public bool SharedLayout { get; private set; }
    /// <summary>True when a theme asset under <c>layouts/assets/</c> changed.</summary>
    public bool ThemeAssets { get; private set; }

    /// <summary>Every path kept (those the build reads), relative to the source folder with <c>/</c>: the sources' changes for the engine.</summary>
    public SortedSet<string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary>True when nothing the build reads changed.</summary>
    public bool IsEmpty => !Config && Pages.Count == 0 && !PageAssets && Layouts.Count == 0 && !SharedLayout && !ThemeAssets;

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
        if (Sort(path) is { } kept) Paths.Add(kept);
    }

    // Records one path in the flags and sets; returns it normalised when the build reads it, null when it is ignored.
    private string? Sort(string path)
    {
        string p = path.Replace('\\', '/').TrimStart('/');
        // Hidden files (editor swap files, .DS_Store) are never read by the build.
        if (p.Split('/').Any(part => part.StartsWith('.'))) return null;
        if (p == "site.yml") Config = true;
        else if (p.StartsWith("pages/", StringComparison.Ordinal))
        {
            string rel = p["pages/".Length..];
            if (rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) Pages.Add(rel);
            else if (rel.Length > 0 && !rel.EndsWith('~')) PageAssetPaths.Add(rel);
            else return null;
        }
        else if (p == "pages") PageAssetPaths.Add("");
        else if (p.StartsWith("layouts/assets/", StringComparison.Ordinal)) ThemeAssets = true;
        else if (p.StartsWith("layouts/", StringComparison.Ordinal) && p.EndsWith(".cshtml", StringComparison.Ordinal))
        {
            string name = p["layouts/".Length..^".cshtml".Length];
            // Only top-level templates are layouts; the others cannot be named by a page.
            if (name.Contains('/')) return null;
            if (name.StartsWith('_')) SharedLayout = true;
            else Layouts.Add(name);
        }
        else if (p == "layouts") SharedLayout = true;
        else return null;
        return p;
    }
}
