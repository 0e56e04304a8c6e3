using System.Collections.Concurrent;

namespace SiteBuilder.Diagnostics;

/// <summary>
/// Collects diagnostics from every build step (thread-safe), so that all problems are reported
/// together at the end instead of stopping at the first one.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Forgets every diagnostic (a step kept between builds reports its problems again).</summary>
    public void Clear() => _items.Clear();

    /// <summary>Adds an error.</summary>
    public void Error(string code, SourceLocation location, string message, SourceLocation? related = null) =>
        Add(Diagnostic.Error(code, location, message, related));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, SourceLocation location, string message, SourceLocation? related = null) =>
        Add(Diagnostic.Warning(code, location, message, related));

    /// <summary>Adds a note (information that never fails a build).</summary>
    public void Note(string code, SourceLocation location, string message) => Add(Diagnostic.Note(code, location, message));

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>Every distinct diagnostic, sorted by location then code, so output is stable across runs.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items.Distinct().OrderBy(d => d.Location).ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
}
