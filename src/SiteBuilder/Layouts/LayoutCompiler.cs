using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using RazorLight.Compilation;
using RazorLight.Extensions;
using RazorLight.Generation;
using RazorLight.Razor;

namespace SiteBuilder.Layouts;

/// <summary>
/// Compiles every template of a layout set in one Roslyn compilation, into one assembly that
/// <see cref="LayoutCache"/> keeps on disk. RazorLight compiles each template as its own compilation when it is
/// first used; measured on the built-in theme, one compilation is only ~10% cheaper (1.2 s against 1.3 s, most of
/// either is Roslyn's JIT), the gain is that one file holds the whole theme. Razor code generation is RazorLight's
/// own, so templates mean exactly what they meant before.
/// </summary>
internal static class LayoutCompiler
{
    // RazorLight puts every template in the same class, RazorLight.CompiledTemplates.GeneratedTemplate; one
    // assembly needs one namespace per template. Both lines come before any template text in the generated code.
    private static readonly Regex NamespaceLine = new(@"^namespace RazorLight\.CompiledTemplates(?=\r?$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex TemplateType = new(@"typeof\(RazorLight\.CompiledTemplates\.GeneratedTemplate\)", RegexOptions.CultureInvariant);

    // The options RazorLight uses for SiteBuilder.Core (it has no deps.json of its own, so RazorLight's defaults):
    // default language version, warnings stay warnings, its binding-redirect warnings off. RazorLight chose
    // Debug or Release from how SiteBuilder.Core was built; one fixed choice keeps the cache key free of it.
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Default, preprocessorSymbols: ["RELEASE"]);
    private static readonly Microsoft.CodeAnalysis.Emit.EmitOptions EmitOptions =
        new(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.Embedded);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
            ["CS1705"] = ReportDiagnostic.Suppress,
        });

    // The assemblies RazorLight references for templates: SiteBuilder.Core and everything it references,
    // transitively (about 130). Measured: resolving them costs ~40 ms of a ~1.4 s compile, so templates keep
    // every type they could use before rather than a hand-picked minimum.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References =
        new(() => new DefaultMetadataReferenceManager().Resolve(typeof(LayoutCompiler).Assembly));

    // RazorLight's Razor engine (its directives and passes), reached through its public service registration.
    private static readonly Lazy<RazorSourceGenerator> Generator = new(() =>
    {
        var services = new ServiceCollection();
        services.AddRazorLight();
        using var provider = services.BuildServiceProvider();
        return new RazorSourceGenerator(provider.GetRequiredService<RazorEngine>(), project: null, namespaces: null);
    });

    /// <summary>
    /// Compiles <paramref name="templates"/> (name → Razor text) into one assembly named <paramref name="assemblyName"/>.
    /// Returns the assembly image of the templates that compiled (null when none did) and the problems of each
    /// template that did not; a template with an error never keeps the others from compiling. Every template is
    /// checked for include cycles and missing includes, and, unless <paramref name="trusted"/>, against safe mode's
    /// allow-list; what compiles is guarded by <see cref="LayoutGuardRewriter"/>.
    /// </summary>
    public static (byte[]? Image, Dictionary<string, IReadOnlyList<LayoutCompileProblem>> Problems) Compile(
        IReadOnlyDictionary<string, string> templates, string assemblyName, bool trusted = false)
    {
        var problems = new Dictionary<string, IReadOnlyList<LayoutCompileProblem>>(StringComparer.Ordinal);
        var trees = new Dictionary<SyntaxTree, string>();
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            string? code = Generate(name, text, problems);
            if (code is null) continue;
            string ns = $"SiteBuilder.CompiledLayouts.T{index++}";
            code = Replace(NamespaceLine, code, "namespace " + ns);
            code = Replace(TemplateType, code, $"typeof({ns}.GeneratedTemplate)");
            namespaces[name] = ns;
            // The tree's path is the template name, as in the #line pragmas Razor writes, so every position is the template's.
            trees[CSharpSyntaxTree.ParseText(code, ParseOptions, name, System.Text.Encoding.UTF8)] = name;
        }

        // Errors fail the whole emit: drop the templates they are in and compile the others again.
        while (trees.Count > 0)
        {
            var compilation = CSharpCompilation.Create(assemblyName, trees.Keys, References.Value, CompilationOptions);
            var failed = Errors(compilation.GetDiagnostics(), trees, templates);
            if (failed.Count == 0)
            {
                // The code is valid C#: now what it refers to. A template with a problem here is dropped like one with an error.
                var bound = trees.ToDictionary(t => t.Value, t => (t.Key, compilation.GetSemanticModel(t.Key), templates[t.Value]), StringComparer.Ordinal);
                foreach (var (name, list) in LayoutIncludeGraph.Check(bound, templates.Keys.ToList())) failed[name] = list;
                if (!trusted)
                    foreach (var (name, (tree, model, text)) in bound)
                        if (LayoutSafetyChecker.Check(tree, model, name, text, namespaces[name]) is { Count: > 0 } refused)
                            failed[name] = failed.TryGetValue(name, out var list) ? [.. list, .. refused] : refused;
                if (failed.Count == 0)
                {
                    var guarded = trees.Select(t => LayoutGuardRewriter.Rewrite(t.Key, bound[t.Value].Item2, t.Value, templates[t.Value])).ToList();
                    using var image = new MemoryStream();
                    // With the debug information in the image, a template that throws names its own line in the stack trace.
                    var result = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(guarded).Emit(image, options: EmitOptions);
                    if (result.Success) return (image.ToArray(), problems);
                    // The guards broke code that compiled without them (a SiteBuilder bug): say so at the template, never crash.
                    var byName = guarded.Zip(trees.Values).ToDictionary(p => p.First, p => p.Second);
                    foreach (var (name, list) in Errors(result.Diagnostics, byName, templates))
                        failed[name] = list.Select(p => p with { Message = "SiteBuilder could not guard this layout (please report it): " + p.Message }).ToList();
                    if (failed.Count == 0) throw new InvalidOperationException("the guarded layouts do not compile: " + string.Join("; ", result.Diagnostics));
                }
            }
            foreach (var (name, list) in failed) problems[name] = list;
            foreach (var tree in trees.Where(t => failed.ContainsKey(t.Value)).Select(t => t.Key).ToList()) trees.Remove(tree);
        }
        return (null, problems);
    }

    /// <summary>The errors among <paramref name="diagnostics"/>, by template.</summary>
    private static Dictionary<string, IReadOnlyList<LayoutCompileProblem>> Errors(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics,
        Dictionary<SyntaxTree, string> trees, IReadOnlyDictionary<string, string> templates)
    {
        var failed = new Dictionary<string, List<LayoutCompileProblem>>(StringComparer.Ordinal);
        foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            string message = d.GetMessage(CultureInfo.InvariantCulture);
            if (d.Location.SourceTree is { } tree && trees.TryGetValue(tree, out string? name))
                Add(failed, name, Position(name, templates[name], d, message));
            else
                // Not in any template (a missing reference, say): it fails them all, reported at each file.
                foreach (string each in trees.Values) Add(failed, each, new LayoutCompileProblem(each, 0, 0, message));
        }
        return failed.ToDictionary(f => f.Key, f => (IReadOnlyList<LayoutCompileProblem>)f.Value, StringComparer.Ordinal);
    }

    private static string? Generate(string name, string text, Dictionary<string, IReadOnlyList<LayoutCompileProblem>> problems)
    {
        try
        {
            // A text item: RazorLight adds no imports to it, as before (templates write their own @using).
            return Generator.Value.GenerateCodeAsync(new TextSourceRazorProjectItem(name, text)).GetAwaiter().GetResult().GeneratedCode;
        }
        catch (TemplateGenerationException ex)
        {
            // Razor syntax errors: the span names the template (its key) with a 0-based line and column.
            problems[name] = ex.Diagnostics.Select(d => new LayoutCompileProblem(
                string.IsNullOrEmpty(d.Span.FilePath) ? name : LayoutSet.NameOf(d.Span.FilePath),
                d.Span.LineIndex >= 0 ? d.Span.LineIndex + 1 : 0,
                d.Span.LineIndex >= 0 ? d.Span.CharacterIndex + 1 : 0,
                d.GetMessage(CultureInfo.InvariantCulture))).ToList();
            return null;
        }
    }

    private static string Replace(Regex pattern, string code, string replacement)
    {
        if (!pattern.IsMatch(code)) throw new InvalidOperationException($"RazorLight's generated code has no '{pattern}'; was RazorLight updated?");
        return pattern.Replace(code, replacement, 1);
    }

    private static void Add(Dictionary<string, List<LayoutCompileProblem>> failed, string name, LayoutCompileProblem problem)
    {
        if (!failed.TryGetValue(name, out var list)) failed[name] = list = [];
        list.Add(problem);
    }

    /// <summary>
    /// Razor's #line pragmas map lines exactly but not columns (the generated line starts with "Write(" and the
    /// like), so the column is found by locating the name Roslyn quotes in the template line; when it cannot be
    /// found exactly once, the column is left out rather than guessed. Code outside the pragmas (Razor's own)
    /// has no template line: the problem is reported at the file.
    /// </summary>
    private static LayoutCompileProblem Position(string name, string text, Microsoft.CodeAnalysis.Diagnostic d, string message)
    {
        var span = d.Location.GetMappedLineSpan();
        if (!span.HasMappedPath) return new LayoutCompileProblem(name, 0, 0, message);
        int line = span.StartLinePosition.Line + 1;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        if (line < 1 || line > lines.Length) return new LayoutCompileProblem(name, line, 0, message);
        string source = lines[line - 1];
        foreach (string quoted in Regex.Matches(message, "'([^']+)'").Select(m => m.Groups[1].Value).Reverse())
        {
            int first = source.IndexOf(quoted, StringComparison.Ordinal);
            if (first >= 0 && source.IndexOf(quoted, first + 1, StringComparison.Ordinal) < 0)
                return new LayoutCompileProblem(name, line, first + 1, message);
        }
        return new LayoutCompileProblem(name, line, 0, message);
    }
}
