using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// The renderers of a site's layouts as one: a shared renderer (each layout compiles once, on first use), and, in the
/// preview, a fresh renderer for a layout whose own template changed, so that the other layouts keep their compiled
/// templates (<see cref="Replace"/>).
/// </summary>
public sealed class LayoutRenderers(RazorLightLayoutRenderer shared) : ILayoutRenderer
{
    private readonly Dictionary<string, RazorLightLayoutRenderer> _own = new(StringComparer.Ordinal);

    /// <summary>True when a renderer was stopped by a limit or met a layout problem reported once: a new set of renderers is due on the next edit.</summary>
    public bool Failing => shared.IsStopped || shared.HasReportedOnce || _own.Values.Any(r => r.IsStopped || r.HasReportedOnce);

    /// <summary>Gives <paramref name="layout"/> a renderer of its own (its template changed).</summary>
    public void Replace(string layout, RazorLightLayoutRenderer renderer) => _own[layout] = renderer;

    private RazorLightLayoutRenderer For(string layout) => _own.GetValueOrDefault(layout) ?? shared;

    /// <inheritdoc/>
    public bool HasLayout(string name) => For(name).HasLayout(name);

    /// <inheritdoc/>
    public Task<string?> RenderAsync(string name, PageModel model, SourceLocation page, DiagnosticBag diagnostics) =>
        For(name).RenderAsync(name, model, page, diagnostics);

    /// <inheritdoc/>
    public Task<bool> RenderAsync(string name, PageModel model, TextWriter output, SourceLocation page, DiagnosticBag diagnostics) =>
        For(name).RenderAsync(name, model, output, page, diagnostics);
}
