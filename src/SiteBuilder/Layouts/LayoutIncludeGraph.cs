using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// The templates each template names with a constant: <c>IncludeAsync("_Toc", …)</c> and <c>Layout = "_Layout"</c>.
/// A name that is no template is an error at the name (SB0304); a cycle of them (a partial that includes itself,
/// directly or through others, or a layout whose layout leads back to it) is an error at the first include of the cycle
/// with the cycle in the message (SB0303). Names computed at run time are bounded by <see cref="LayoutGuard.MaxDepth"/>.
/// </summary>
internal static class LayoutIncludeGraph
{
    /// <summary>One constant reference from a template to another.</summary>
    private sealed record Edge(string From, string To, bool IsLayout, int Line, int Column);

    /// <summary>The problems of the references among <paramref name="trees"/> (name → tree, model, text).</summary>
    public static Dictionary<string, List<LayoutCompileProblem>> Check(
        IReadOnlyDictionary<string, (SyntaxTree Tree, SemanticModel Model, string Text)> trees, ICollection<string> allTemplates)
    {
        var edges = new List<Edge>();
        foreach (var (name, (tree, model, text)) in trees.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var positions = new TemplatePositions(text);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                ExpressionSyntax? target = null;
                bool layout = false;
                if (node is InvocationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } call &&
                    model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "IncludeAsync" } method && IsRazorLight(method))
                    target = first.Expression;
                else if (node is AssignmentExpressionSyntax assignment &&
                         model.GetSymbolInfo(assignment.Left).Symbol is IPropertySymbol { Name: "Layout" } property && IsRazorLight(property))
                    (target, layout) = (assignment.Right, true);
                if (target is null || model.GetConstantValue(target) is not { HasValue: true, Value: string value } || value.Length == 0) continue;
                var (line, column) = positions.Of(target);
                edges.Add(new Edge(name, LayoutSet.NameOf(value), layout, line, column));
            }
        }

        var problems = new Dictionary<string, List<LayoutCompileProblem>>(StringComparer.Ordinal);
        void Add(string template, LayoutCompileProblem problem)
        {
            if (!problems.TryGetValue(template, out var list)) problems[template] = list = [];
            list.Add(problem);
        }
        foreach (var edge in edges.Where(e => !allTemplates.Contains(e.To)))
            Add(edge.From, new LayoutCompileProblem(edge.From, edge.Line, edge.Column,
                $"{(edge.IsLayout ? "master layout" : "partial")} '{edge.To}' not found; layouts/ has: {string.Join(", ", allTemplates.Order(StringComparer.Ordinal))}",
                DiagnosticCodes.LayoutNotFound));

        // Cycles, each reported once, at the include that starts it from its alphabetically first template.
        var next = edges.Where(e => allTemplates.Contains(e.To)).GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (FindCycle(start, next) is not { } cycle) continue;
            string key = string.Join("|", cycle.Select(e => e.From).Order(StringComparer.Ordinal));
            if (!reported.Add(key)) continue;
            // Rotate so the cycle starts at its first template by name: the same cycle always reads the same.
            string least = cycle.Select(c => c.From).Order(StringComparer.Ordinal).First();
            int at = cycle.FindIndex(e => e.From == least);
            cycle = [.. cycle.Skip(at), .. cycle.Take(at)];
            string chain = string.Join(" → ", cycle.Select(e => e.From).Append(cycle[0].From));
            var first = cycle[0];
            Add(first.From, new LayoutCompileProblem(first.From, first.Line, first.Column,
                $"{(cycle.All(e => e.IsLayout) ? "layouts" : "templates")} include each other in a cycle: {chain} (write recursion as a method in @functions, as _Sidebar does)",
                DiagnosticCodes.LayoutIncludeCycle));
        }
        return problems;
    }

    /// <summary>A cycle through <paramref name="start"/>, as its edges, or null (depth-first, without recursion).</summary>
    private static List<Edge>? FindCycle(string start, Dictionary<string, List<Edge>> next)
    {
        var path = new List<Edge>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<(string From, int Index)>([(start, 0)]);
        while (stack.Count > 0)
        {
            var (from, index) = stack.Pop();
            var outgoing = next.GetValueOrDefault(from) ?? [];
            if (index > 0) path.RemoveAt(path.Count - 1);
            if (index >= outgoing.Count) continue;
            var edge = outgoing[index];
            stack.Push((from, index + 1));
            path.Add(edge);
            if (edge.To == start) return path;
            if (seen.Add(edge.To)) stack.Push((edge.To, 0));
            else
            {
                // Already explored: undo the edge when this frame resumes.
                continue;
            }
        }
        return null;
    }

    private static bool IsRazorLight(ISymbol symbol) => symbol.ContainingType?.ContainingNamespace?.ToDisplayString() == "RazorLight";
}
