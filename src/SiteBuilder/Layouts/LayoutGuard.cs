using System.Runtime.CompilerServices;

namespace SiteBuilder.Layouts;

/// <summary>
/// The checks <see cref="LayoutGuardRewriter"/> puts into every compiled layout: at the start of every method, accessor,
/// lambda and loop body, at every label and switch section, and after every <c>yield return</c>, so that no layout code
/// can recurse or loop without passing one. A check fails the render (never the process) when the thread's stack is
/// nearly used up (a stack overflow cannot be caught in .NET, so it must not happen), when the render has run past its
/// time limit, or when it has allocated more than its memory budget; <see cref="Enter"/> bounds how deep templates nest.
/// Only compiled layouts call these; layout source code may not (safe mode refuses this type).
/// </summary>
public static class LayoutGuard
{
    /// <summary>How deep templates may nest through <c>IncludeAsync</c>, and how long a chain of <c>Layout</c>s may be.</summary>
    public const int MaxDepth = 16;

    // The render in progress on this logical flow (it follows awaits across threads); null outside a render.
    private static readonly AsyncLocal<LayoutRenderBudget?> CurrentBudget = new();

    internal static LayoutRenderBudget? Current
    {
        get => CurrentBudget.Value;
        set => CurrentBudget.Value = value;
    }

    /// <summary>Fails the render when the stack is nearly full, the time limit has passed or the memory budget is spent.</summary>
    /// <param name="template">The template the check is in.</param>
    /// <param name="line">Its 1-based line in the template (0 when unknown).</param>
    /// <param name="column">Its 1-based column (0 when unknown).</param>
    public static void Check(string template, int line, int column)
    {
        // TryEnsure… leaves some 64–128 KiB free: enough to throw and unwind, whatever one frame in between needs.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new LayoutLimitException(LayoutLimit.Recursion, template, line, column);
        CurrentBudget.Value?.Tick(template, line, column);
    }

    /// <summary>Called first by every template's <c>ExecuteAsync</c>: counts how deep templates nest.</summary>
    /// <param name="template">The template starting to run.</param>
    public static void Enter(string template)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new LayoutLimitException(LayoutLimit.Recursion, template, 0, 0);
        CurrentBudget.Value?.Enter(template);
    }

    /// <summary>Called last by every template's <c>ExecuteAsync</c> (in a <c>finally</c>).</summary>
    public static void Exit() => CurrentBudget.Value?.Exit();
}
