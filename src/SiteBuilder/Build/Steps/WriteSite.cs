using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Swaps the new site in (the files are already written to a staging folder as they were made), only when the
/// build found no errors, and leaves the link source map beside the sources (outside the published files).
/// Must run last: it commits what every step added.
/// </summary>
public sealed class WriteSite : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(WriteSite);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        bool failed = context.Diagnostics.HasErrors ||
                      (context.Options.Strict && context.Diagnostics.ToSortedList().Any(d => d.FailsStrict));
        if (failed || context.Options.DryRun) return;
        try
        {
            // SiteGenerator gives every build that writes a staging output; anything else is a bug in the caller.
            var staging = context.Output as StagingOutput
                          ?? throw new InvalidOperationException($"WriteSite needs a {nameof(StagingOutput)}, not a {context.Output.GetType().Name}");
            context.FilesWritten = staging.Commit();
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
