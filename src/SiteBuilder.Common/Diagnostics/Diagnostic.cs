namespace SiteBuilder.Diagnostics;

/// <summary>
/// One content or configuration problem, with a stable code (see <see cref="DiagnosticCodes"/>).
/// Formatted the way compilers print problems, which GitHub problem matchers and editors read:
/// <c>pages/a.md:12:5: error SB1003: link target 'setup.md' not found</c>.
/// </summary>
/// <param name="Code">Stable code such as <c>SB0102</c>.</param>
/// <param name="Severity">Error, warning or note.</param>
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

    /// <summary>Creates a note (never fails a build).</summary>
    public static Diagnostic Note(string code, SourceLocation location, string message) =>
        new(code, DiagnosticSeverity.Note, location, message);

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// True for an error in the configuration (<c>site.yml</c>, options): the SB00xx codes and an invalid section
    /// schema (SB0205). It stops the build after the configuration is read and exits 3.
    /// </summary>
    public bool IsConfigurationError =>
        IsError && (Code.StartsWith("SB00", StringComparison.Ordinal) || Code == DiagnosticCodes.SchemaDefinition);

    /// <summary>True for <see cref="DiagnosticSeverity.Warning"/> (what <c>--strict</c> turns into errors).</summary>
    public bool IsWarning => Severity == DiagnosticSeverity.Warning;

    /// <summary>True for errors and warnings: what a strict build fails on (a note never fails one).</summary>
    public bool FailsStrict => Severity != DiagnosticSeverity.Note;

    /// <summary>The compiler-style line: <c>path:line:col: error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" }} {Code}: {Message}";
}
