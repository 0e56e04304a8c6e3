namespace SiteBuilder.Layouts;

/// <summary>A Razor or C# error in a layout, at its position in the template.</summary>
/// <param name="Template">Template name, e.g. <c>page</c> or <c>_Toc</c>.</param>
/// <param name="Line">1-based line in the template; 0 when only the file is known.</param>
/// <param name="Column">1-based column; 0 when only the line is known.</param>
/// <param name="Message">The compiler's message.</param>
internal sealed record LayoutCompileProblem(string Template, int Line, int Column, string Message);
