namespace SiteBuilder.Layouts;

/// <summary>
/// Thrown when RazorLight asks for a layout that did not compile (as <c>_Layout</c> or a partial of the page's
/// layout), so the render stops there and the renderer reports the layout's own problems.
/// </summary>
internal sealed class LayoutCompilationException(string template, IReadOnlyList<LayoutCompileProblem> problems)
    : Exception($"layout '{template}' did not compile")
{
    /// <summary>The layout that did not compile.</summary>
    public string Template { get; } = template;

    /// <summary>Its problems, in template order.</summary>
    public IReadOnlyList<LayoutCompileProblem> Problems { get; } = problems;
}
