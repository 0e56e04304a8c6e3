namespace SiteBuilder.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>
    /// Information about the output, not a problem with the content: reported, and never fails a build, not even a
    /// strict one (e.g. no <c>sitemap.xml</c> without a <c>base_url</c>).
    /// </summary>
    Note,

    /// <summary>Reported, but the build still succeeds (unless warnings are treated as errors).</summary>
    Warning,

    /// <summary>The build fails at the end, after every problem has been collected.</summary>
    Error,
}
