using SiteBuilder.Diagnostics;

namespace SiteBuilder.Search;

/// <summary>How the site search index is built, and how big it may get.</summary>
public sealed record SearchOptions
{
    /// <summary>Boost of the title field: a title match outranks many body matches.</summary>
    public double TitleBoost { get; init; } = 10;

    /// <summary>Boost of the headings field.</summary>
    public double HeadingsBoost { get; init; } = 5;

    /// <summary>Boost of the labels field.</summary>
    public double LabelsBoost { get; init; } = 3;

    /// <summary>Boost of the section field (lets <c>section:dimis</c> narrow a search).</summary>
    public double SectionBoost { get; init; } = 2;

    /// <summary>Maximum length, in characters, of the excerpt shown under each result.</summary>
    public int ExcerptLength { get; init; } = 160;

    /// <summary>Also write the whole index as <c>search/index.json</c> (a classic lunr index, for other tools).</summary>
    public bool WriteIndexJson { get; init; }

    /// <summary>
    /// The budget of all search files together when <c>site.yml</c> sets none: far above a large real wiki (the 10,000-page
    /// bench site writes tens of MB), it stops a pull request from filling the disk of the machine that builds it.
    /// </summary>
    public const long DefaultMaxTotalBytes = 1L << 30;

    /// <summary>
    /// The budget of what one query fetches, gzipped, when <c>site.yml</c> sets none: a reader's search should never
    /// cost megabytes (the 10,000-page bench site fetches under 150 kB for a word).
    /// </summary>
    public const long DefaultMaxQueryBytes = 2L << 20;

    /// <summary>When a term's tail is cut into parts and how big they are (the proof cuts a small wiki's tails small).</summary>
    internal Shards.TailSizes TailSizes { get; init; } = Shards.TailSizes.Default;

    /// <summary>Largest allowed size of all search files together, in bytes, or null for no limit.</summary>
    public long? MaxTotalBytes { get; init; }

    /// <summary>Where <see cref="MaxTotalBytes"/> is set (reported with a violation).</summary>
    public SourceLocation? MaxTotalBytesAt { get; init; }

    /// <summary>Largest allowed gzipped bytes one query fetches (<see cref="SearchIndexResult.LargestQuery"/>), or null.</summary>
    public long? MaxQueryBytes { get; init; }

    /// <summary>Where <see cref="MaxQueryBytes"/> is set.</summary>
    public SourceLocation? MaxQueryBytesAt { get; init; }
}
