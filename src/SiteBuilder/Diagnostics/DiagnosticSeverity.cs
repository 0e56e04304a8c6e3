namespace SiteBuilder.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported, but the build still succeeds (unless warnings are treated as errors).</summary>
    Warning,

    /// <summary>The build fails at the end, after every problem has been collected.</summary>
    Error,
}
