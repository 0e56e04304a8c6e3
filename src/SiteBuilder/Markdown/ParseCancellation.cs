namespace SiteBuilder.Markdown;

/// <summary>
/// Lets a page's parse be stopped: Markdig takes no cancellation token, but the nesting guard's parsers are asked at
/// every place a block may open and at every bracket and emphasis delimiter, so they check the token of the parse
/// running on their thread (set by <see cref="PageParser"/>) and end it. A parse given up with SB0132 thus stops at
/// its next line or delimiter instead of spending a core until Markdig is done (in the preview, once per save).
/// </summary>
public static class ParseCancellation
{
    [ThreadStatic]
    private static CancellationToken _current;

    /// <summary>Runs <paramref name="parse"/> on this thread with <paramref name="cancel"/> as its token.</summary>
    public static T Run<T>(CancellationToken cancel, Func<T> parse)
    {
        var previous = _current;
        _current = cancel;
        try { return parse(); }
        finally { _current = previous; }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the parse on this thread has been given up.</summary>
    public static void ThrowIfRequested() => _current.ThrowIfCancellationRequested();
}
