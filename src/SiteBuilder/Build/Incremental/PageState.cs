using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build.Incremental;

/// <summary>What the incremental builder remembers about one page between rebuilds.</summary>
internal sealed class PageState
{
    /// <summary>Problems found while reading and parsing the file.</summary>
    public IReadOnlyList<Diagnostic> Parse { get; set; } = [];
}
