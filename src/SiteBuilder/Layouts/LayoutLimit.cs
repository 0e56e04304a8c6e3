namespace SiteBuilder.Layouts;

/// <summary>Which limit a layout ran into while rendering.</summary>
internal enum LayoutLimit
{
    /// <summary>Recursion nearly used up the thread's stack.</summary>
    Recursion,
    /// <summary>The render ran past its time limit.</summary>
    Time,
    /// <summary>The render allocated more than its memory budget.</summary>
    Memory,
    /// <summary>Templates included each other deeper than <see cref="LayoutGuard.MaxDepth"/>.</summary>
    IncludeDepth,
    /// <summary>A chain of <c>Layout</c> assignments longer than <see cref="LayoutGuard.MaxDepth"/>.</summary>
    LayoutChain,
}
