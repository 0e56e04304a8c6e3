using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Finds every <c>.md</c> file under <c>pages/</c> (and the other regular files there, copied as assets), in ordinal
/// order, through the <see cref="Safety.SourceTree"/>: nothing outside the source folder is ever listed.
/// </summary>
public sealed class DiscoverPages : IIncrementalStep
{
    /// <inheritdoc/>
    public string Name => nameof(DiscoverPages);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Sources];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.SourceFiles];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var pages = new List<Page>();
        var assets = new List<string>();
        // Hidden files and folders (editor swap files, .DS_Store) are never content; links out of the folder,
        // loops, pipes and devices are skipped with a warning by the source tree.
        foreach (string rel in context.Source.Files("pages", context.Diagnostics, skip: name => name.StartsWith('.')))
        {
            bool isPage = IsPage(rel);
            // A file name becomes a path of the output: one that cannot be (a backslash, a control character) is not read.
            if (Safety.OutputPaths.Problem(isPage ? Permalinks.OutputPath(Permalinks.FromRelativePath(rel)) : rel) is { } problem)
            {
                context.Diagnostics.Error(DiagnosticCodes.PathOutsideOutput, new SourceLocation("pages/" + rel, 1, 1),
                    $"this file's name cannot be a path of the site: {problem}");
                continue;
            }
            if (isPage) pages.Add(new Page(rel));
            else assets.Add(rel);
        }
        context.Set(BuildProducts.SourceFiles, new SourceFiles(pages, assets));
    }

    /// <summary>True for a path of a page (a <c>.md</c> file), false for an asset.</summary>
    public static bool IsPage(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Follows the files changed under <c>pages/</c>: a page created or deleted changes the list; an asset or a folder
    /// (moved, deleted) lists the folder again. The changes name those pages and assets, not a page whose text changed
    /// (ParsePages reads that in the sources).
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        if (!context.Has(BuildProducts.SourceFiles) || changes.All(BuildProducts.Sources)) return false;
        var files = context.Get(BuildProducts.SourceFiles);
        var paths = changes.Keys(BuildProducts.Sources).Where(k => k == "pages" || k.StartsWith("pages/", StringComparison.Ordinal))
            .Select(k => k == "pages" ? "" : k["pages/".Length..]).ToList();
        // Editors write temporary files beside the page (sed, vim's 4913) and delete them at once: a path that neither
        // exists now nor was an asset (or a folder of known files) before changes nothing.
        var assets = paths.Where(rel => !IsPage(rel) && (rel.Length == 0 || Path.Exists(Path.Combine(context.SourceDir, "pages", rel)) ||
                                                        files.Assets.Contains(rel) || files.Assets.Any(a => a.StartsWith(rel + "/", StringComparison.Ordinal)) ||
                                                        files.Pages.Any(p => p.RelativePath.StartsWith(rel + "/", StringComparison.Ordinal)))).ToList();
        var keys = new HashSet<string>(assets, StringComparer.Ordinal);
        var pages = paths.Where(IsPage).ToList();
        // A page created or deleted: the list changes. One whose name cannot be a path is reported by a new listing.
        bool relist = assets.Count > 0;
        var list = files.Pages.ToList();
        foreach (string rel in pages)
        {
            // Checked before the file: a name with a backslash is not even a path the source tree can look up.
            if (Safety.OutputPaths.Problem(Permalinks.OutputPath(Permalinks.FromRelativePath(rel))) is not null)
            {
                relist = true;
                continue;
            }
            bool exists = context.Source.Check("pages/" + rel).Kind == Safety.SourceEntryKind.File;
            if (exists == files.Lists(rel)) continue;
            keys.Add(rel);
            if (!exists) list.RemoveAll(p => p.RelativePath == rel);
            else list.Add(new Page(rel));
        }
        if (relist)
        {
            // A folder event names no page: compare the pages listed with the known ones.
            context.Diagnostics.Clear();
            Execute(context);
            var now = context.Get(BuildProducts.SourceFiles);
            keys.UnionWith(now.Pages.Where(p => !files.Lists(p.RelativePath)).Select(p => p.RelativePath));
            keys.UnionWith(files.Pages.Where(p => !now.Lists(p.RelativePath)).Select(p => p.RelativePath));
        }
        else if (keys.Count > 0)
            context.Set(BuildProducts.SourceFiles, new SourceFiles(list.OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToList(), files.Assets));
        if (keys.Count > 0) changes.Mark(BuildProducts.SourceFiles, keys);
        return true;
    }
}
