using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// Safe mode: refuses, at its template position, every use in a template's generated C# of an API that
/// <see cref="LayoutApiPolicy"/> does not allow, and the C# that could escape the guards or the process: <c>unsafe</c>
/// code, pointers, <c>stackalloc</c>, <c>extern</c> and attributes (P/Invoke, module initialisers), types declared in a
/// layout (their compiler-made <c>ToString</c> and <c>Equals</c> recurse unguarded), anonymous types and tuples
/// (likewise), query syntax, finalisers and <c>async void</c> (an exception there ends the process). The whole
/// generated file is checked, not only the lines a template maps to, so no <c>#line</c> trick hides code.
/// </summary>
internal static class LayoutSafetyChecker
{
    private const string Hint = "layouts run in safe mode (see the README's Safety); pass --trust-layouts to allow any C#";

    /// <summary>The problems of one template's tree (empty when it is safe).</summary>
    public static List<LayoutCompileProblem> Check(SyntaxTree tree, SemanticModel model, string template, string text, string templateNamespace)
    {
        var positions = new TemplatePositions(text);
        var problems = new List<LayoutCompileProblem>();
        void Refuse(SyntaxNode node, string what)
        {
            var (line, column) = positions.Of(node);
            if (problems.Any(p => p.Line == line && p.Column == column && line > 0)) return;
            problems.Add(new LayoutCompileProblem(template, line, column, $"{what} is not allowed in a layout: {Hint}", DiagnosticCodes.LayoutUnsafeCode));
        }

        var walk = new Stack<SyntaxNode>([tree.GetRoot()]);
        while (walk.Count > 0)
        {
            var node = walk.Pop();
            // The template class's base is checked with the class (it may be TemplatePage<dynamic>).
            if (node is BaseListSyntax) continue;
            if (Refusal(node, model, templateNamespace) is { } what)
            {
                if (what != SkipChildren) Refuse(node, what);
                continue;
            }
            foreach (var child in node.ChildNodes().Reverse()) walk.Push(child);
        }
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    /// <summary>What is wrong with <paramref name="node"/> itself, or null (its children are checked apart).</summary>
    private static string? Refusal(SyntaxNode node, SemanticModel model, string templateNamespace)
    {
        switch (node)
        {
            case AttributeListSyntax list:
                // Razor's own: the template's name for RazorLight.
                return list.Attributes.All(a => model.GetSymbolInfo(a).Symbol?.ContainingType is { } t &&
                                                LayoutApiPolicy.MetadataName(t) == "RazorLight.Razor.RazorLightTemplateAttribute")
                    ? SkipChildren : "an attribute";
            case UnsafeStatementSyntax or FixedStatementSyntax:
                return "unsafe code";
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return "stackalloc";
            case PointerTypeSyntax or FunctionPointerTypeSyntax:
                return "a pointer";
            case MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax:
                return "__makeref";
            case QueryExpressionSyntax:
                return "query syntax (from … select)";
            case AnonymousObjectCreationExpressionSyntax:
                return "an anonymous type";
            case TupleExpressionSyntax or TupleTypeSyntax:
                return "a tuple";
            case DestructorDeclarationSyntax:
                return "a finaliser";
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                return TypeDeclaration(node, model, templateNamespace);
            case BaseNamespaceDeclarationSyntax ns:
                return ns.Name.ToString() == templateNamespace ? null : "a namespace";
        }
        if (node is MemberDeclarationSyntax member && Modifiers(member).Any(m => m.IsKind(SyntaxKind.UnsafeKeyword) || m.IsKind(SyntaxKind.ExternKeyword)))
            return "unsafe or extern code";
        if (node is LocalFunctionStatementSyntax local && local.Modifiers.Any(m => m.IsKind(SyntaxKind.UnsafeKeyword) || m.IsKind(SyntaxKind.ExternKeyword)))
            return "unsafe or extern code";
        if (node is ArgumentSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "__arglist" } } or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.ArgListExpression })
            return "__arglist";
        if (node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
        {
            var symbol = node is AnonymousFunctionExpressionSyntax ? model.GetSymbolInfo(node).Symbol : model.GetDeclaredSymbol(node);
            if (symbol is IMethodSymbol { IsAsync: true, ReturnsVoid: true }) return "async void";
        }
        if (node is not ExpressionSyntax expression) return null;

        // A member's name is checked with the member access it ends (Model.Title as a whole).
        var symbolInfo = model.GetSymbolInfo(expression);
        if (symbolInfo.Symbol is { } used && !LayoutApiPolicy.Allows(used))
            return $"'{used.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}'";
        var type = model.GetTypeInfo(expression).Type;
        if (type is { TypeKind: TypeKind.Dynamic }) return "dynamic (declare @model SiteBuilder.Layouts.PageModel)";
        if (!LayoutApiPolicy.AllowsType(type)) return $"a value of type '{type!.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}'";
        return null;
    }

    // Returned by Refusal for a node that is fine and whose children are not checked; never reported.
    private const string SkipChildren = "\0";

    private static string? TypeDeclaration(SyntaxNode node, SemanticModel model, string templateNamespace)
    {
        if (node is EnumDeclarationSyntax) return null;
        // The template's own class, which Razor declares; it must derive from RazorLight's TemplatePage (no @inherits).
        if (node is ClassDeclarationSyntax { Identifier.Text: "GeneratedTemplate", Parent: BaseNamespaceDeclarationSyntax ns } &&
            ns.Name.ToString() == templateNamespace && model.GetDeclaredSymbol(node) is INamedTypeSymbol { BaseType: { } baseType } &&
            LayoutApiPolicy.MetadataName(baseType.OriginalDefinition) == "RazorLight.TemplatePage`1")
            return baseType.TypeArguments[0] is { TypeKind: TypeKind.Dynamic } || LayoutApiPolicy.AllowsType(baseType.TypeArguments[0])
                ? null : $"the model type '{baseType.TypeArguments[0].ToDisplayString()}'";
        return node is ClassDeclarationSyntax { Identifier.Text: "GeneratedTemplate" } ? "@inherits" : "a type declared in a layout";
    }

    private static SyntaxTokenList Modifiers(MemberDeclarationSyntax member) => member.Modifiers;
}
