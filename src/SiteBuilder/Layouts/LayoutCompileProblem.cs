using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>A problem found in a layout before it runs (Razor, C#, its includes, safe mode), at its position in the template.</summary>
/// <param name="Template">Template name, e.g. <c>page</c> or <c>_Toc</c>.</param>
/// <param name="Line">1-based line in the template; 0 when only the file is known.</param>
/// <param name="Column">1-based column; 0 when only the line is known.</param>
/// <param name="Message">The message.</param>
/// <param name="Code">The diagnostic code: <see cref="DiagnosticCodes.LayoutCompile"/> for the compiler's errors.</param>
internal sealed record LayoutCompileProblem(string Template, int Line, int Column, string Message, string Code = DiagnosticCodes.LayoutCompile);
