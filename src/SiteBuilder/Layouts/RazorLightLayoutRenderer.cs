using System.Collections.Concurrent;
using System.Reflection;
using RazorLight;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// Renders layouts with RazorLight. All templates compile together, once, on the first render (or come from the
/// <see cref="LayoutCache"/>); a compile error is reported once at <c>layouts/x.cshtml:line:col</c> naming the page
/// being rendered, and a runtime error at the layout. Text is HTML-encoded by <see cref="LayoutHtmlEncoder"/>.
/// </summary>
public sealed class RazorLightLayoutRenderer : ILayoutRenderer
{
    private readonly LayoutSet _layouts;
    private readonly Lazy<(EngineHandler Engine, CompiledLayouts Compiled)> _engine;
    // A partial with an error fails every page that includes it: report each error once, with the first page.
    private readonly ConcurrentDictionary<(SourceLocation, string), bool> _reported = new();

    /// <summary>Creates a renderer over a site's layouts.</summary>
    /// <param name="layouts">The layouts.</param>
    /// <param name="cache">Where compiled layouts are kept; <see cref="LayoutCache.Default"/> when null.</param>
    public RazorLightLayoutRenderer(LayoutSet layouts, LayoutCache? cache = null)
    {
        _layouts = layouts;
        _engine = new(() =>
        {
            var compiled = (cache ?? LayoutCache.Default).GetOrCompile(layouts);
            // The engine's parts, without RazorLightEngineBuilder: it would build a Razor engine and a Roslyn
            // compiler that a cached theme never needs.
            var engine = new EngineHandler(new RazorLightOptions(), CompiledLayoutProvider.NoCompiler,
                new RazorLight.Compilation.TemplateFactoryProvider(), new CompiledLayoutProvider(compiled, layouts));
            return (engine, compiled);
        });
    }

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
            // At the line of the template (the page's layout, its _Layout or a partial) the stack trace names; Razor's
            // #line pragmas map lines exactly but not columns, so no column is given.
            diagnostics.Error(DiagnosticCodes.LayoutRuntime, ThrowingLine(inner) ?? SourceLocation.File(_layouts.PathOf(name)),
                $"layout '{name}' failed while rendering {page.Path}: {inner.GetType().Name}: {inner.Message}", page);
            return false;
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
            diagnostics.Error(DiagnosticCodes.LayoutCompile, at, $"{problem.Message} (rendering {page.Path})", page);
    }
}
