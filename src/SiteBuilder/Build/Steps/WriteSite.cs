using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Swaps the new site in, only when the build found no errors, and leaves the link source map
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
            context.FilesWritten = SiteWriter.Write(context.Options.ResolvedOutputDir, context.Outputs.Values);
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
