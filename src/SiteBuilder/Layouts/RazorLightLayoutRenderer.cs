using System.Collections.Concurrent;
using System.Reflection;
using RazorLight;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// Renders layouts with RazorLight. All templates compile together, once, on the first render (or come from the
/// <see cref="LayoutCache"/>); a compile error is reported once at <c>layouts/x.cshtml:line:col</c> naming the page
/// being rendered, and a runtime error at the layout. Text is HTML-encoded by <see cref="LayoutHtmlEncoder"/>.
/// Each render runs under a <see cref="LayoutRenderBudget"/> (time, memory, nesting) that the guards compiled into
/// every layout check; a render stopped by a limit also stops this renderer's later renders, which fail with the same
/// diagnostic at once rather than each spending the whole limit.
/// </summary>
public sealed class RazorLightLayoutRenderer : ILayoutRenderer
{
    private readonly LayoutSet _layouts;
    private readonly Lazy<(EngineHandler Engine, CompiledLayouts Compiled)> _engine;
    // A partial with an error fails every page that includes it: report each error once, with the first page.
    private readonly ConcurrentDictionary<(SourceLocation, string), bool> _reported = new();
    private readonly TimeSpan _timeLimit;
    // The first render stopped by a limit: every later render fails with it at once (a layout that loops would
    // otherwise spend the whole time limit on every page).
    private volatile Diagnostic? _stopped;

    /// <summary>The most one render may allocate (best effort: counted at the guards, not at each allocation).</summary>
    public const long AllocationBudget = 512L << 20;

    /// <summary>Creates a renderer over a site's layouts.</summary>
    /// <param name="layouts">The layouts.</param>
    /// <param name="cache">Where compiled layouts are kept; <see cref="LayoutCache.Default"/> when null.</param>
    /// <param name="trustLayouts">Allow any C# in layouts (<c>--trust-layouts</c>); by default safe mode's allow-list applies.</param>
    /// <param name="renderTimeLimit">The longest one page's render may take; <see cref="DefaultRenderTimeLimit"/> when null.</param>
    public RazorLightLayoutRenderer(LayoutSet layouts, LayoutCache? cache = null, bool trustLayouts = false, TimeSpan? renderTimeLimit = null)
    {
        _layouts = layouts;
        _timeLimit = renderTimeLimit ?? DefaultRenderTimeLimit;
        _engine = new(() =>
        {
            var compiled = (cache ?? LayoutCache.Default).GetOrCompile(layouts, trustLayouts);
            // The engine's parts, without RazorLightEngineBuilder: it would build a Razor engine and a Roslyn
            // compiler that a cached theme never needs.
            var engine = new EngineHandler(new RazorLightOptions(), CompiledLayoutProvider.NoCompiler,
                new RazorLight.Compilation.TemplateFactoryProvider(), new CompiledLayoutProvider(compiled, layouts));
            return (engine, compiled);
        });
    }

    /// <summary>The longest one page's render may take by default (a real page renders in well under a millisecond).</summary>
    public static readonly TimeSpan DefaultRenderTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// True for the codes of problems found before a layout runs (compile errors, includes, safe mode): a renderer
    /// reports each once, with the first page whose render meets it, not with every page.
    /// </summary>
    public static bool IsReportedOnce(string code) =>
        code is DiagnosticCodes.LayoutCompile or DiagnosticCodes.LayoutIncludeCycle or DiagnosticCodes.LayoutNotFound or DiagnosticCodes.LayoutUnsafeCode;

    /// <summary>
    /// True once a render was stopped by a limit: this renderer fails every later render at once. A full build makes
    /// a new renderer, so the preview, which keeps one across rebuilds, replaces it when a page changes after a stop.
    /// </summary>
    public bool IsStopped => _stopped is not null;

    /// <summary>True once a layout problem reported once (see <see cref="IsReportedOnce"/>) was met: it names the first page that met it.</summary>
    public bool HasReportedOnce => !_reported.IsEmpty || _notFound;

    private volatile bool _notFound;

    /// <summary>The compiled templates, once the first render has needed them.</summary>
    internal CompiledLayouts? Compiled => _engine.IsValueCreated ? _engine.Value.Compiled : null;

    /// <inheritdoc/>
    public bool HasLayout(string name) => _layouts.Templates.ContainsKey(name);

    /// <inheritdoc/>
    public async Task<string?> RenderAsync(string name, PageModel model, SourceLocation page, DiagnosticBag diagnostics)
    {
        using var writer = new StringWriter();
        return await RenderAsync(name, model, writer, page, diagnostics) ? writer.ToString() : null;
    }

    /// <inheritdoc/>
    public async Task<bool> RenderAsync(string name, PageModel model, TextWriter output, SourceLocation page, DiagnosticBag diagnostics)
    {
        var (engine, compiled) = _engine.Value;
        if (compiled.Problems.TryGetValue(name, out var own))
        {
            // The page's own layout did not compile: no render to try.
            foreach (var problem in own) ReportOnce(problem, page, diagnostics);
            return false;
        }
        if (_stopped is { } stopped)
        {
            diagnostics.Add(stopped);
            return false;
        }
        var previous = LayoutGuard.Current;
        LayoutGuard.Current = new LayoutRenderBudget(_timeLimit, AllocationBudget);
        try
        {
            var template = await engine.CompileTemplateAsync(name);
            await engine.RenderTemplateAsync(template, model, output);
            return true;
        }
        catch (Exception ex)
        {
            var inner = Unwrap(ex);
            if (inner is LayoutCompilationException compile)
            {
                // Its _Layout or a partial did not compile: that template's problems, at its own file.
                foreach (var problem in compile.Problems) ReportOnce(problem, page, diagnostics);
                return false;
            }
            if (Limit(inner, name, page) is { } limit)
            {
                diagnostics.Add(limit);
                _stopped = limit;
                return false;
            }
            var at = ThrowingLine(inner) ?? SourceLocation.File(_layouts.PathOf(name));
            if (inner is TemplateNotFoundException)
            {
                // A name computed at run time (constant names are checked before anything renders).
                _notFound = true;
                diagnostics.Error(DiagnosticCodes.LayoutNotFound, at, $"{inner.Message} (rendering {page.Path})", page);
                return false;
            }
            // At the line of the template (the page's layout, its _Layout or a partial) the stack trace names; Razor's
            // #line pragmas map lines exactly but not columns, so no column is given.
            diagnostics.Error(DiagnosticCodes.LayoutRuntime, at,
                $"layout '{name}' failed while rendering {page.Path}: {inner.GetType().Name}: {inner.Message}", page);
            return false;
        }
        finally
        {
            LayoutGuard.Current = previous;
        }
    }

    /// <summary>The diagnostic of a render stopped by a limit, or null when <paramref name="ex"/> is another failure.</summary>
    private Diagnostic? Limit(Exception ex, string name, SourceLocation page)
    {
        switch (ex)
        {
            case LayoutLimitException limit:
            {
                var at = limit.Line > 0 ? new SourceLocation(_layouts.PathOf(limit.Template), limit.Line, limit.Column)
                    : ThrowingLine(ex) ?? SourceLocation.File(_layouts.PathOf(limit.Template));
                return limit.Limit switch
                {
                    LayoutLimit.Recursion => Diagnostic.Error(DiagnosticCodes.LayoutRecursion, at,
                        $"layout '{name}' recursed too deep while rendering {page.Path} (a method, lambda or template that calls itself without end?); the render was stopped before the stack overflowed; no further page is rendered", page),
                    LayoutLimit.Time => Diagnostic.Error(DiagnosticCodes.LayoutTimeLimit, at,
                        $"layout '{name}' ran longer than {_timeLimit.TotalSeconds:0.#} s while rendering {page.Path} (an endless loop, or a recursion the JIT made a loop?); no further page is rendered", page),
                    LayoutLimit.Memory => Diagnostic.Error(DiagnosticCodes.LayoutMemory, at,
                        $"layout '{name}' allocated more than {AllocationBudget >> 20} MiB while rendering {page.Path}; no further page is rendered", page),
                    LayoutLimit.IncludeDepth => Diagnostic.Error(DiagnosticCodes.LayoutIncludeCycle, at,
                        $"templates nest deeper than {LayoutGuard.MaxDepth} while rendering {page.Path}: {limit.Chain}; no further page is rendered", page),
                    _ => Diagnostic.Error(DiagnosticCodes.LayoutIncludeCycle, at,
                        $"{limit.Chain} while rendering {page.Path} (does a layout set Layout to itself?)", page),
                };
            }
            case InsufficientExecutionStackException:
                // The runtime's own check (in Razor or the base library) fired before a guard did.
                return Diagnostic.Error(DiagnosticCodes.LayoutRecursion, ThrowingLine(ex) ?? SourceLocation.File(_layouts.PathOf(name)),
                    $"layout '{name}' recursed too deep while rendering {page.Path}; the render was stopped before the stack overflowed", page);
            case OutOfMemoryException:
                return Diagnostic.Error(DiagnosticCodes.LayoutMemory, ThrowingLine(ex) ?? SourceLocation.File(_layouts.PathOf(name)),
                    $"layout '{name}' ran out of memory while rendering {page.Path}; no further page is rendered", page);
            default:
                return null;
        }
    }

    /// <summary>The template line of the innermost stack frame of <paramref name="ex"/> that is in a template, or null.</summary>
    private SourceLocation? ThrowingLine(Exception ex)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(ex, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() is not { Length: > 0 } file || frame.GetFileLineNumber() <= 0) continue;
            string template = LayoutSet.NameOf(file);
            if (_layouts.Templates.ContainsKey(template)) return new SourceLocation(_layouts.PathOf(template), frame.GetFileLineNumber());
        }
        return null;
    }

    private static Exception Unwrap(Exception ex)
    {
        while (((ex as AggregateException)?.InnerException ?? (ex as TargetInvocationException)?.InnerException) is { } inner) ex = inner;
        return ex;
    }

    private void ReportOnce(LayoutCompileProblem problem, SourceLocation page, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(_layouts.PathOf(problem.Template), problem.Line, problem.Column);
        if (_reported.TryAdd((at, problem.Message), true))
            diagnostics.Error(problem.Code, at, $"{problem.Message} (rendering {page.Path})", page);
    }
}
