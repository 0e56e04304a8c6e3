using System.Collections;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>
/// The pages ParsePages read, drafts dropped (unless drafts are built), in source order. The preview also keeps every
/// page file read, drafts included, and each one's parse problems, so that an edit re-parses only the files it names.
/// </summary>
public sealed class ParsedPages(IReadOnlyList<Page> built) : IReadOnlyList<Page>
{
    /// <summary>Every page file read, by path under <c>pages/</c>, drafts included; null in a full build.</summary>
    internal Dictionary<string, Page>? All { get; init; }

    /// <summary>Each page file's parse problems, by path under <c>pages/</c>; null in a full build.</summary>
    internal Dictionary<string, IReadOnlyList<Diagnostic>>? Problems { get; init; }

    /// <inheritdoc/>
    public Page this[int index] => built[index];

    /// <inheritdoc/>
    public int Count => built.Count;

    /// <inheritdoc/>
    public IEnumerator<Page> GetEnumerator() => built.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
