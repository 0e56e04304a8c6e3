namespace SiteBuilder.Diagnostics;

/// <summary>
/// A position in a source file: a repository-relative path with <c>/</c> separators and a
/// 1-based line and column. The one position type of SiteBuilder; every library's own
/// positions are converted to it once, at that library's edge.
/// </summary>
/// <param name="Path">Repository-relative path, e.g. <c>pages/dimis/index.md</c>.</param>
/// <param name="Line">1-based line; 0 when the position applies to the whole file.</param>
/// <param name="Column">1-based column; 0 when only the line is known.</param>
public sealed record SourceLocation(string Path, int Line = 0, int Column = 0) : IComparable<SourceLocation>
{
    /// <summary>A location for a whole file.</summary>
    public static SourceLocation File(string path) => new(path);

    /// <summary>Formats as <c>path:line:col</c>, <c>path:line</c> or <c>path</c>.</summary>
    public override string ToString() =>
        Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";

    /// <summary>Orders by path (ordinal), then line, then column.</summary>
    public int CompareTo(SourceLocation? other)
    {
        if (other is null) return 1;
        int c = string.CompareOrdinal(Path, other.Path);
        if (c != 0) return c;
        c = Line.CompareTo(other.Line);
        return c != 0 ? c : Column.CompareTo(other.Column);
    }
}
