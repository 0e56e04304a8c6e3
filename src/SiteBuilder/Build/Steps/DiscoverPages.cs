using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Finds every <c>.md</c> file under <c>pages/</c> (and the other regular files there, copied as assets), in ordinal
/// order, through the <see cref="Safety.SourceTree"/>: nothing outside the source folder is ever listed.
/// </summary>
public sealed class DiscoverPages : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(DiscoverPages);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [];

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
            bool isPage = rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
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
}
