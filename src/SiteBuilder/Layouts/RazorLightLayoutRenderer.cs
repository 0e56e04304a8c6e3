using System.Collections.Concurrent;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// Renders layouts with RazorLight. Each layout compiles once; a compile error is reported once at
/// <c>layouts/x.cshtml:line:col</c>, and a runtime error at the layout, naming the page being rendered.
/// </summary>
public sealed class RazorLightLayoutRenderer : ILayoutRenderer
{
    private readonly LayoutSet _layouts;
    private readonly RazorLightEngine _engine;
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _compiled = new(StringComparer.Ordinal);
    // A partial with an error fails every page that includes it: report each error once, with the first page.
    private readonly ConcurrentDictionary<(SourceLocation, string), bool> _reported = new();

    /// <summary>Creates a renderer over a site's layouts.</summary>
    public RazorLightLayoutRenderer(LayoutSet layouts)
    {
        _layouts = layouts;
        _engine = new RazorLightEngineBuilder()
            .UseProject(new LayoutProject(layouts))
            .UseMemoryCachingProvider()
            // Every layout gets these namespaces, so theme authors write only markup and @Model.
            .AddDefaultNamespaces("System", "System.Linq", "System.Collections.Generic", "SiteBuilder.Layouts", "SiteBuilder.Content")
            .SetOperatingAssembly(typeof(RazorLightLayoutRenderer).Assembly)
            .Build();
    }

    /// <inheritdoc/>
    public bool HasLayout(string name) => _layouts.Templates.ContainsKey(name);

    /// <inheritdoc/>
    public async Task<string?> RenderAsync(string name, PageModel model, SourceLocation page, DiagnosticBag diagnostics)
    {
        // Compile once per layout (and its _Layout and partials), so an error is reported once, not per page.
        bool ok = await _compiled.GetOrAdd(name, n => new Lazy<Task<bool>>(() => CompileAsync(n, page, diagnostics))).Value;
        if (!ok) return null;
        try
        {
            var template = await _engine.CompileTemplateAsync(name);
            return await _engine.RenderTemplateAsync(template, model);
        }
        catch (TemplateCompilationException ex)
        {
            ReportCompile(ex, name, page, diagnostics);
            return null;
        }
        catch (TemplateGenerationException ex)
        {
            ReportGeneration(ex, name, page, diagnostics);
            return null;
        }
        catch (Exception ex)
        {
            // Runtime failures have no reliable line inside generated code; the layout and the page are named.
            var inner = ex is AggregateException { InnerException: { } i } ? i : ex;
            diagnostics.Error(DiagnosticCodes.LayoutRuntime, SourceLocation.File(_layouts.PathOf(name)),
                $"layout '{name}' failed while rendering {page.Path}: {inner.GetType().Name}: {inner.Message}", page);
            return null;
        }
    }

    private async Task<bool> CompileAsync(string name, SourceLocation page, DiagnosticBag diagnostics)
    {
        try
        {
            await _engine.CompileTemplateAsync(name);
            return true;
        }
        catch (TemplateCompilationException ex)
        {
            ReportCompile(ex, name, page, diagnostics);
            return false;
        }
        catch (TemplateGenerationException ex)
        {
            ReportGeneration(ex, name, page, diagnostics);
            return false;
        }
        catch (Exception ex)
        {
            diagnostics.Error(DiagnosticCodes.LayoutCompile, SourceLocation.File(_layouts.PathOf(name)),
                $"layout '{name}' could not be compiled (rendering {page.Path}): {ex.Message}", page);
            return false;
        }
    }

    /// <summary>
    /// Razor's #line pragmas map lines exactly but not columns (the generated line starts with "Write(" and
    /// the like), so the column is found by locating the name Roslyn quotes in the template line; when it
    /// cannot be found exactly once, the column is left out rather than guessed.
    /// </summary>
    private int ColumnInTemplate(string template, int line, string message)
    {
        if (!_layouts.Templates.TryGetValue(template, out string? text)) return 0;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        if (line < 1 || line > lines.Length) return 0;
        string source = lines[line - 1];
        var quoted = System.Text.RegularExpressions.Regex.Matches(message, "'([^']+)'").Select(m => m.Groups[1].Value).Reverse();
        foreach (string name in quoted)
        {
            int first = source.IndexOf(name, StringComparison.Ordinal);
            if (first >= 0 && source.IndexOf(name, first + 1, StringComparison.Ordinal) < 0) return first + 1;
        }
        return 0;
    }

    private void ReportOnce(DiagnosticBag diagnostics, SourceLocation at, string message, string pageNote, SourceLocation? page)
    {
        if (_reported.TryAdd((at, message), true))
            diagnostics.Error(DiagnosticCodes.LayoutCompile, at, message + pageNote, page);
    }

    private void ReportGeneration(TemplateGenerationException ex, string name, SourceLocation? page, DiagnosticBag diagnostics)
    {
        // Razor syntax errors: the span names the template file (key) and a 0-based line and column.
        string pageNote = page is null ? "" : $" (rendering {page.Path})";
        foreach (var d in ex.Diagnostics)
        {
            string template = string.IsNullOrEmpty(d.Span.FilePath) ? name : LayoutProject.Normalize(d.Span.FilePath);
            var at = d.Span.LineIndex >= 0
                ? new SourceLocation(_layouts.PathOf(template), d.Span.LineIndex + 1, d.Span.CharacterIndex + 1)
                : SourceLocation.File(_layouts.PathOf(template));
            ReportOnce(diagnostics, at, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), pageNote, page);
        }
    }

    private void ReportCompile(TemplateCompilationException ex, string name, SourceLocation? page, DiagnosticBag diagnostics)
    {
        string pageNote = page is null ? "" : $" (rendering {page.Path})";
        if (ex.CompilationDiagnostics.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.LayoutCompile, SourceLocation.File(_layouts.PathOf(name)), ex.Message + pageNote, page);
            return;
        }
        foreach (var d in ex.CompilationDiagnostics)
        {
            // Razor maps generated C# back to the template with #line pragmas; the path is the template key.
            string template = d.LineSpan is { Path: { Length: > 0 } p } ? LayoutProject.Normalize(p) : name;
            var at = d.LineSpan is { } span
                ? new SourceLocation(_layouts.PathOf(template), span.StartLinePosition.Line + 1,
                    ColumnInTemplate(template, span.StartLinePosition.Line + 1, d.ErrorMessage))
                : SourceLocation.File(_layouts.PathOf(template));
            ReportOnce(diagnostics, at, d.ErrorMessage, pageNote, page);
        }
    }
}
