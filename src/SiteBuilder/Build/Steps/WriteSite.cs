using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Swaps the new site in (the files are already written to a staging folder as they were made), only when the
/// build found no errors, and leaves the link source map
/// beside the sources (outside the published files). Must run last: it writes what every step added.
/// </summary>
public sealed class WriteSite : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(WriteSite);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        bool failed = context.Diagnostics.HasErrors ||
                      (context.Options.Strict && context.Diagnostics.ToSortedList().Count > 0);
        if (failed || context.Options.DryRun) return;
        try
        {
            context.FilesWritten = context.Output switch
            {
                StagingOutput staging => staging.Commit(),
                MemoryOutput memory => SiteWriter.Write(context.Options.ResolvedOutputDir, memory.Files.Select(f => new OutputFile(f.Key, f.Value))),
                _ => throw new InvalidOperationException($"cannot write a {context.Output.GetType().Name}"),
            };
            WriteSourceMap(context);
            context.Written = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(DiagnosticCodes.OutputWrite, SourceLocation.File(context.Options.ResolvedOutputDir),
                $"could not write the site: {ex.Message}; the previous output was kept");
        }
    }

    private static void WriteSourceMap(BuildContext context)
    {
        var pages = new SortedDictionary<string, SourceMapPage>(StringComparer.Ordinal);
        foreach (var page in context.Pages)
            pages[page.OutputPath] = new SourceMapPage(page.SourcePath,
                page.ContentLinks.Select(l => new SourceMapLink(l.Href, l.Line, l.Column)).ToList());
        string output = Path.GetRelativePath(context.SourceDir, context.Options.ResolvedOutputDir).Replace('\\', '/');
        SourceMapSerializer.WriteFile(Path.Combine(context.SourceDir, ".sitebuilder", "sourcemap.json"), new SourceMap(1, output, pages));
    }
}
