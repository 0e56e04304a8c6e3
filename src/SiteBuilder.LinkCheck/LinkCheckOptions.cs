using SiteBuilder.LinkCheck.Caching;
using SiteBuilder.LinkCheck.External;

namespace SiteBuilder.LinkCheck;

/// <summary>What one run checks and how.</summary>
public sealed record LinkCheckOptions
{
    /// <summary>The built site (the folder holding <c>index.html</c>).</summary>
    public required string SiteDirectory { get; init; }

    /// <summary>The source root: holds <c>pages/</c>, <c>site.yml</c> and <c>.sitebuilder/sourcemap.json</c>; reported paths are relative to it.</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>Skip external links entirely.</summary>
    public bool Offline { get; init; }

    /// <summary>How external links are checked.</summary>
    public ExternalCheckOptions External { get; init; } = new();

    /// <summary>
    /// When set, external links are checked only in pages whose Markdown source is in this set
    /// (paths relative to the source root); internal links are always all checked.
    /// </summary>
    public IReadOnlySet<string>? ChangedSources { get; init; }

    /// <summary>Good external results to reuse, and to record this run's into; null for none.</summary>
    public LinkCache? Cache { get; init; }
}
