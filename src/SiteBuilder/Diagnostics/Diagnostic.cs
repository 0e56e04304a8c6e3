namespace SiteBuilder.Diagnostics;

/// <summary>
/// One content or configuration problem, with a stable code (see <see cref="DiagnosticCodes"/>).
/// Formatted the way compilers print problems, which GitHub problem matchers and editors read:
/// <c>pages/a.md:12:5: error SB1003: link target 'setup.md' not found</c>.
/// </summary>
/// <param name="Code">Stable code such as <c>SB0102</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where the problem is.</param>
/// <param name="Message">What is wrong, in one sentence, without the location.</param>
/// <param name="Related">A second position involved, e.g. the page being rendered when a layout fails.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    SourceLocation Location,
    string Message,
    SourceLocation? Related = null)
{
    /// <summary>Creates an error.</summary>
    public static Diagnostic Error(string code, SourceLocation location, string message, SourceLocation? related = null) =>
        new(code, DiagnosticSeverity.Error, location, message, related);

    /// <summary>Creates a warning.</summary>
    public static Diagnostic Warning(string code, SourceLocation location, string message, SourceLocation? related = null) =>
        new(code, DiagnosticSeverity.Warning, location, message, related);

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style line: <c>path:line:col: error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
