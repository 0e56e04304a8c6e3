using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Incremental;

/// <summary>What the incremental builder remembers about one page between rebuilds.</summary>
internal sealed class PageState
{
    /// <summary>Problems found while reading and parsing the file.</summary>
    public IReadOnlyList<Diagnostic> Parse { get; set; } = [];
    /// <summary>Problems found while resolving its links.</summary>
    public IReadOnlyList<Diagnostic> Link { get; set; } = [];
    /// <summary>Every id the page defines, computed once per parse.</summary>
    public IReadOnlySet<string> Ids { get; set; } = new HashSet<string>();
    /// <summary>True when its Markdown has a <c>{{children}}</c> block, which lists its children's titles.</summary>
    public bool HasChildrenBlock { get; set; }
    /// <summary>True when it has a wiki link, which finds its target by title or path among all the pages.</summary>
    public bool HasWikiLinks { get; set; }
    /// <summary>True when it links to a statswiki address: its links change when the statswiki map does.</summary>
    public bool CitesStatswiki { get; set; }
    /// <summary>Statswiki addresses it cites that no page mirrors (for the summary).</summary>
    public IReadOnlyList<(string Url, SourceLocation At)> Unmirrored { get; set; } = [];
    /// <summary>URLs of the pages its links reach (it appears in their backlinks).</summary>
    public HashSet<string> Outbound { get; set; } = new(StringComparer.Ordinal);
}
