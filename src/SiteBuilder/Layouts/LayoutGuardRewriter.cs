using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SiteBuilder.Layouts;

/// <summary>
/// Puts <see cref="LayoutGuard"/> checks into a template's generated C#: at the start of every method, local function,
/// accessor, operator and lambda body (recursion), of every loop body, label and switch section (loops, <c>goto</c>),
/// after every <c>yield return</c> (an iterator resumed deep in the stack), and <see cref="LayoutGuard.Enter"/> /
/// <see cref="LayoutGuard.Exit"/> around the template's <c>ExecuteAsync</c> (nesting). Each check carries its template
/// position as constants. No line is added or removed, so Razor's <c>#line</c> pragmas still map every line.
/// </summary>
internal sealed class LayoutGuardRewriter : CSharpSyntaxRewriter
{
    private readonly SemanticModel _model;
    private readonly string _template;
    private readonly TemplatePositions _positions;

    private LayoutGuardRewriter(SemanticModel model, string template, TemplatePositions positions)
    {
        _model = model;
        _template = template;
        _positions = positions;
    }

    /// <summary>The guarded version of <paramref name="tree"/> (a template's generated code, bound in <paramref name="model"/>).</summary>
    public static SyntaxTree Rewrite(SyntaxTree tree, SemanticModel model, string template, string text)
    {
        var root = new LayoutGuardRewriter(model, template, new TemplatePositions(text)).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    // ---- Bodies: recursion --------------------------------------------------------------------------------------

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        bool statement = StatementForm(_model.GetDeclaredSymbol(node));
        var check = Check(node);
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (visited.Body is { } body)
        {
            body = Prepend(body, check);
            if (IsTemplateExecute(node)) body = EnterAndExit(body);
            return visited.WithBody(body);
        }
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement))
            : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        bool statement = StatementForm(_model.GetDeclaredSymbol(node));
        var check = Check(node);
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body) return visited.WithBody(Prepend(body, check));
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement))
            : visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        Guarded(base.VisitConstructorDeclaration(node), Check(node), statement: true);

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
        Guarded(base.VisitDestructorDeclaration(node), Check(node), statement: true);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        Guarded(base.VisitOperatorDeclaration(node), Check(node), StatementForm(_model.GetDeclaredSymbol(node)));

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        Guarded(base.VisitConversionOperatorDeclaration(node), Check(node), statement: false);

    // A constructor, destructor or operator, already visited: the check first in its body (an arrow body made a block).
    private static BaseMethodDeclarationSyntax Guarded(SyntaxNode? visitedNode, StatementSyntax check, bool statement)
    {
        var visited = (BaseMethodDeclarationSyntax)visitedNode!;
        if (visited.Body is { } body) return visited.WithBody(Prepend(body, check));
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement))
            : visited;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        bool statement = !node.IsKind(SyntaxKind.GetAccessorDeclaration);
        var check = Check(node);
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is { } body) return visited.WithBody(Prepend(body, check));
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement))
            : visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var check = Check(node);
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        // int P => x;  →  int P {get{check; return x;}}
        var get = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement: false));
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(get)));
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var check = Check(node);
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        var get = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithBody(FromArrow(arrow, visited.SemicolonToken, check, statement: false));
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(get)));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, n => base.VisitParenthesizedLambdaExpression((ParenthesizedLambdaExpressionSyntax)n));

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, n => base.VisitSimpleLambdaExpression((SimpleLambdaExpressionSyntax)n));

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        Lambda(node, n => base.VisitAnonymousMethodExpression((AnonymousMethodExpressionSyntax)n));

    private SyntaxNode Lambda(AnonymousFunctionExpressionSyntax node, Func<SyntaxNode, SyntaxNode?> visitBase)
    {
        bool statement = StatementForm(_model.GetSymbolInfo(node).Symbol);
        var check = Check(node);
        var visited = (AnonymousFunctionExpressionSyntax)visitBase(node)!;
        if (visited.Block is { } block) return visited.WithBlock(Prepend(block, check));
        if (visited.ExpressionBody is not { } expression) return visited;
        var body = Block(check, Body(expression.WithoutTrivia(), statement))
            .WithLeadingTrivia(expression.GetLeadingTrivia()).WithTrailingTrivia(expression.GetTrailingTrivia());
        return visited.WithExpressionBody(null).WithBlock(body);
    }

    // ---- Loops ------------------------------------------------------------------------------------------------

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var check = Check(node);
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var check = Check(node);
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var check = Check(node);
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var check = Check(node);
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var check = Check(node);
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node)
    {
        // A backward goto is a loop too.
        var check = Check(node);
        var visited = (LabeledStatementSyntax)base.VisitLabeledStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, check));
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        // goto case loops without a label.
        var check = Check(node);
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        if (visited.Statements.Count == 0) return visited;
        var first = visited.Statements[0];
        return visited.WithStatements(visited.Statements.Replace(first, first.WithoutLeadingTrivia())
            .Insert(0, check.WithLeadingTrivia(first.GetLeadingTrivia())));
    }

    public override SyntaxNode? VisitYieldStatement(YieldStatementSyntax node)
    {
        if (!node.IsKind(SyntaxKind.YieldReturnStatement)) return base.VisitYieldStatement(node);
        // An iterator resumes after its yield: the check runs there, before the loop calls deeper.
        var check = Check(node);
        var visited = (YieldStatementSyntax)base.VisitYieldStatement(node)!;
        return Block(visited.WithoutTrivia(), check)
            .WithLeadingTrivia(visited.GetLeadingTrivia()).WithTrailingTrivia(visited.GetTrailingTrivia());
    }

    // ---- Building blocks ------------------------------------------------------------------------------------------

    private StatementSyntax Check(SyntaxNode node)
    {
        var (line, column) = _positions.Of(node);
        string name = SymbolDisplay.FormatLiteral(_template, quote: true);
        return ParseStatement($"global::SiteBuilder.Layouts.LayoutGuard.Check({name}, {line}, {column});");
    }

    private static bool IsTemplateExecute(MethodDeclarationSyntax node) =>
        node.Identifier.Text == "ExecuteAsync" && node.Modifiers.Any(SyntaxKind.OverrideKeyword) &&
        node.Parent is ClassDeclarationSyntax { Identifier.Text: "GeneratedTemplate", Parent: BaseNamespaceDeclarationSyntax };

    /// <summary>{ body }  →  { Enter(name); try { body } finally { Exit(); } }, keeping every line where it was.</summary>
    private BlockSyntax EnterAndExit(BlockSyntax body)
    {
        string name = SymbolDisplay.FormatLiteral(_template, quote: true);
        var enter = ParseStatement($"global::SiteBuilder.Layouts.LayoutGuard.Enter({name});");
        var exit = ParseStatement("global::SiteBuilder.Layouts.LayoutGuard.Exit();");
        // The inner block closes where the body did, after the pragmas in front of its brace.
        var inner = Block(body.Statements).WithCloseBraceToken(Token(body.CloseBraceToken.LeadingTrivia, SyntaxKind.CloseBraceToken, default));
        var @try = TryStatement(inner, default, FinallyClause(Block(exit)));
        return body.WithStatements(List<StatementSyntax>([enter, @try]))
            .WithCloseBraceToken(body.CloseBraceToken.WithLeadingTrivia());
    }

    /// <summary>Adds <paramref name="check"/> first in <paramref name="block"/>, on the line of what follows it.</summary>
    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax check)
    {
        if (block.Statements.Count == 0)
            // Pragmas before the closing brace must stay first on their line: the check goes after them.
            return block.WithStatements(SingletonList(check.WithLeadingTrivia(block.CloseBraceToken.LeadingTrivia)))
                .WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia());
        var first = block.Statements[0];
        return block.WithStatements(block.Statements.Replace(first, first.WithoutLeadingTrivia())
            .Insert(0, check.WithLeadingTrivia(first.GetLeadingTrivia())));
    }

    /// <summary>A loop or label body with <paramref name="check"/> first.</summary>
    private static StatementSyntax Guard(StatementSyntax statement, StatementSyntax check) =>
        statement is BlockSyntax block ? Prepend(block, check)
            : Block(check, statement.WithoutTrivia()).WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia());

    /// <summary><c>=> expr;</c>  →  <c>{check; return expr;}</c> (or <c>{check; expr;}</c>), trivia kept on the braces.</summary>
    private static BlockSyntax FromArrow(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, StatementSyntax check, bool statement)
    {
        var open = Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, arrow.ArrowToken.TrailingTrivia);
        var close = Token(semicolon.LeadingTrivia, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia);
        return Block(open, List([check, Body(arrow.Expression, statement)]), close);
    }

    private static StatementSyntax Body(ExpressionSyntax expression, bool statement)
    {
        if (expression is ThrowExpressionSyntax @throw)
            return ThrowStatement(Token(SyntaxKind.ThrowKeyword).WithTrailingTrivia(Space), @throw.Expression, Token(SyntaxKind.SemicolonToken));
        return statement
            ? ExpressionStatement(expression)
            : ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken));
    }

    /// <summary>True when an expression body is a statement (a void or non-generic async method) rather than a value.</summary>
    private static bool StatementForm(ISymbol? symbol) => symbol is IMethodSymbol method &&
        (method.ReturnsVoid || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false }));
}
