namespace SiteBuilder.Content;

/// <summary>The site's settings from <c>site.yml</c>. Immutable once loaded.</summary>
public sealed record SiteConfig
{
    /// <summary>Site title.</summary>
    public string Title { get; init; } = "SiteBuilder site";
    /// <summary>One-line description for the home page's meta tags.</summary>
    public string? Description { get; init; }
    /// <summary>Absolute base URL, ending with <c>/</c>; used for sitemap and canonical links.</summary>
    public string BaseUrl { get; init; } = "https://example.org/";
    /// <summary>Repository URL for "Edit this page" links.</summary>
    public string? Repository { get; init; }
    /// <summary>Branch the edit links point to.</summary>
    public string Branch { get; init; } = "main";
    /// <summary>Language of the pages (the <c>lang</c> attribute).</summary>
    public string Language { get; init; } = "en";
    /// <summary>Sections by folder name.</summary>
    public IReadOnlyDictionary<string, SectionConfig> Sections { get; init; } = new Dictionary<string, SectionConfig>();
    /// <summary>Largest allowed raw size of the search index, in bytes; null for no budget.</summary>
    public long? SearchBudgetBytes { get; init; }

    /// <summary>The settings of a section, or null.</summary>
    public SectionConfig? Section(string key) => Sections.TryGetValue(key, out var s) ? s : null;
}
