using SiteBuilder.Content;

namespace SiteBuilder.Build.Steps;

/// <summary>Finds every <c>.md</c> file under <c>pages/</c> (and the other files there, copied as assets), in ordinal order.</summary>
public sealed class DiscoverPages : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(DiscoverPages);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        string root = Path.Combine(context.SourceDir, "pages");
        if (!Directory.Exists(root)) return;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            // Hidden files and folders (editor swap files, .DS_Store) are never content.
            .Where(rel => !rel.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(rel => rel, StringComparer.Ordinal);
        foreach (string rel in files)
        {
            if (rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) context.Pages.Add(new Page(rel));
            else context.PageAssets.Add(rel);
        }
    }
}
