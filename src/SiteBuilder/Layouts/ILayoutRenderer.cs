using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>Renders page models through named layouts.</summary>
public interface ILayoutRenderer
{
    /// <summary>True when a layout of that name exists.</summary>
    bool HasLayout(string name);

    /// <summary>
    /// Renders <paramref name="model"/> through layout <paramref name="name"/>. On failure returns null
    /// and reports a diagnostic at the layout's position naming <paramref name="page"/>.
    /// </summary>
    Task<string?> RenderAsync(string name, PageModel model, SourceLocation page, DiagnosticBag diagnostics);

    /// <summary>
    /// Renders <paramref name="model"/> through layout <paramref name="name"/> into <paramref name="output"/> (a large
    /// site reuses one buffer per worker instead of making a string per page). On failure returns false, having
    /// perhaps written part of the page, and reports a diagnostic at the layout's position naming <paramref name="page"/>.
    /// </summary>
    Task<bool> RenderAsync(string name, PageModel model, TextWriter output, SourceLocation page, DiagnosticBag diagnostics);
}
