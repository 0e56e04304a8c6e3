using SiteBuilder.Diagnostics;
using SiteBuilder.Output;
using SiteBuilder.Safety;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Commits the site: the files are already written, to a staging folder, by the steps that made them
/// (<see cref="StagingOutput"/>); this swaps that folder in, only when the build found no errors, and leaves the link
/// source map beside the sources (outside the published files). Named for what it does: it writes no page (it was
/// WriteSite). It reads the output, so it runs after every step that adds to it: it commits what they added.
/// </summary>
public sealed class CommitSite : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(CommitSite);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Pages, BuildProducts.LinkGraph, BuildProducts.Output];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        foreach (var (path, problem) in context.Output.Refused.OrderBy(r => r.Path, StringComparer.Ordinal))
            context.Diagnostics.Error(DiagnosticCodes.OutputRefused, SourceLocation.File(context.Options.ResolvedOutputDir),
                $"refused to write '{path}': {problem}; nothing is written outside the output folder");
        bool mapWritable = SourceMapWritable(context);
        bool failed = context.Diagnostics.HasErrors ||
                      (context.Options.Strict && context.Diagnostics.ToSortedList().Any(d => d.FailsStrict));
        if (failed || context.Options.DryRun) return;
        try
        {
            // SiteGenerator gives every build that writes a staging output; anything else is a bug in the caller.
            var staging = context.Output as StagingOutput
                          ?? throw new InvalidOperationException($"CommitSite needs a {nameof(StagingOutput)}, not a {context.Output.GetType().Name}");
            context.FilesWritten = staging.Commit();
            if (mapWritable) WriteSourceMap(context);
            context.Written = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(DiagnosticCodes.OutputWrite, SourceLocation.File(context.Options.ResolvedOutputDir),
                $"could not write the site: {ex.Message}; the previous output was kept");
        }
    }

    // The map is the one file written beside the sources: a link at its place (committed in a pull request) would
    // send it elsewhere on the machine, so it is written only to a plain folder of the source. Checked before the
    // commit, so that the warning fails a strict build.
    private static bool SourceMapWritable(BuildContext context)
    {
        foreach (string path in new[] { Path.GetDirectoryName(SourceMap.RelativePath)!, SourceMap.RelativePath })
        {
            var kind = context.Source.Check(path).Kind;
            bool isLink = new FileInfo(Path.Join(context.SourceDir, path)).LinkTarget is not null;
            if (!isLink && kind is SourceEntryKind.Missing or SourceEntryKind.File or SourceEntryKind.Folder) continue;
            context.Diagnostics.Warning(DiagnosticCodes.UnsafeSourceEntry, new SourceLocation(path, 1, 1),
                "the link source map is not written here: this is a symbolic link or not a plain file or folder");
            return false;
        }
        return true;
    }

    private static void WriteSourceMap(BuildContext context)
    {
        var pages = new SortedDictionary<string, SourceMapPage>(StringComparer.Ordinal);
        foreach (var page in context.Pages)
            pages[page.OutputPath] = new SourceMapPage(page.SourcePath,
                page.ContentLinks.Select(l => new SourceMapLink(l.Href, l.Line, l.Column)).ToList());
        string output = Path.GetRelativePath(context.SourceDir, context.Options.ResolvedOutputDir).Replace('\\', '/');
        SourceMapSerializer.WriteFile(Path.Combine(context.SourceDir, SourceMap.RelativePath), new SourceMap(1, output, pages));
    }
}
