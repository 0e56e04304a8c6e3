using Microsoft.CodeAnalysis;

namespace SiteBuilder.Layouts;

/// <summary>
/// Maps a node of a template's generated C# back to the template: the line from Razor's <c>#line</c> pragmas, the
/// column by finding the node's text in that template line (Razor pads code blocks to their column, but writes
/// <c>@expr</c> as <c>Write(expr)</c>, so the generated column alone is not the template's). When the text is not on
/// the line the column is left out rather than guessed; code Razor wrote itself has no template line (0, 0).
/// </summary>
internal sealed class TemplatePositions(string text)
{
    private readonly string[] _lines = text.Replace("\r\n", "\n").Split('\n');

    /// <summary>The 1-based template line and column of <paramref name="node"/> (0 for what is not known).</summary>
    public (int Line, int Column) Of(SyntaxNode node) => Of(node.GetLocation(), node.ToString());

    /// <summary>The 1-based template line and column of <paramref name="location"/>, whose text starts with <paramref name="code"/>.</summary>
    public (int Line, int Column) Of(Location location, string code)
    {
        var span = location.GetMappedLineSpan();
        if (!span.HasMappedPath) return (0, 0);
        int line = span.StartLinePosition.Line + 1;
        if (line < 1 || line > _lines.Length) return (0, 0);
        string source = _lines[line - 1];
        string needle = code.Split('\n')[0].TrimEnd();
        if (needle.Length > 40) needle = needle[..40];
        if (needle.Length == 0) return (line, 0);
        int generated = span.StartLinePosition.Character;
        int best = -1;
        for (int at = source.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = source.IndexOf(needle, at + 1, StringComparison.Ordinal))
            if (best < 0 || Math.Abs(at - generated) < Math.Abs(best - generated)) best = at;
        return (line, best + 1);
    }
}
