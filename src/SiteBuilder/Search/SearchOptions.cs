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

    /// <summary>Largest allowed size of <c>search/index.json</c> in bytes, or null for no limit.</summary>
    public long? MaxIndexBytes { get; init; }

    /// <summary>Largest allowed gzip size of <c>search/index.json</c> in bytes, or null for no limit.</summary>
    public long? MaxIndexGzipBytes { get; init; }
}
