namespace SiteBuilder.Layouts;

/// <summary>Thrown by <see cref="LayoutGuard"/> to stop a render that ran into a limit; the renderer reports it.</summary>
internal sealed class LayoutLimitException(LayoutLimit limit, string template, int line, int column, string? chain = null)
    : Exception($"layout limit: {limit}")
{
    /// <summary>Which limit.</summary>
    public LayoutLimit Limit { get; } = limit;
    /// <summary>The template of the check that failed.</summary>
    public string Template { get; } = template;
    /// <summary>Its 1-based line (0 when unknown).</summary>
    public int Line { get; } = line;
    /// <summary>Its 1-based column (0 when unknown).</summary>
    public int Column { get; } = column;
    /// <summary>For nesting limits, the templates in the order they included each other (<c>page → _A → _B</c>).</summary>
    public string? Chain { get; } = chain;
}
