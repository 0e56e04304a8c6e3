namespace SiteBuilder.Content;

/// <summary>The site's settings from <c>site.yml</c>. Immutable once loaded.</summary>
public sealed record SiteConfig
{
    /// <summary>Site title.</summary>
    public string Title { get; init; } = "SiteBuilder site";
    /// <summary>One-line description for the home page's meta tags.</summary>
    public string? Description { get; init; }
    /// <summary>
    /// Absolute URL the site is published at, ending with <c>/</c>; used for the sitemap and canonical links. Null when
    /// not configured: the site then has no sitemap and no canonical links rather than URLs on a made-up host.
    /// </summary>
    public string? BaseUrl { get; init; }
    /// <summary>
    /// The footer's line of plain text (<c>footer:</c>), e.g. what the site is and where its content comes from; null
    /// or empty for no line.
    /// </summary>
    public string? Footer { get; init; }
    /// <summary>Repository URL for "Edit this page" links.</summary>
    public string? Repository { get; init; }
    /// <summary>Branch the edit links point to.</summary>
    public string Branch { get; init; } = "main";
    /// <summary>Language of the pages (the <c>lang</c> attribute).</summary>
    public string Language { get; init; } = "en";
    /// <summary>Sections by folder name.</summary>
    public IReadOnlyDictionary<string, SectionConfig> Sections { get; init; } = new Dictionary<string, SectionConfig>();
    /// <summary>
    /// True to publish raw HTML, links and attributes that can run script (<c>unsafe_html: true</c>); off by default,
    /// when they are errors (SB0131; see <see cref="Markdown.UnsafeHtml"/>).
    /// </summary>
    public bool UnsafeHtml { get; init; }
    /// <summary>Largest allowed size of all search files together, in bytes (<c>search.budget_bytes</c>); null for no budget.</summary>
    public long? SearchBudgetBytes { get; init; }
    /// <summary>Where <see cref="SearchBudgetBytes"/> is set.</summary>
    public Diagnostics.SourceLocation? SearchBudgetAt { get; init; }
    /// <summary>Largest allowed gzipped bytes one query fetches (<c>search.query_budget_bytes</c>); null for no budget.</summary>
    public long? SearchQueryBudgetBytes { get; init; }
    /// <summary>Where <see cref="SearchQueryBudgetBytes"/> is set.</summary>
    public Diagnostics.SourceLocation? SearchQueryBudgetAt { get; init; }
    /// <summary>Also write the whole lunr index as <c>search/index.json</c> (<c>search.index_json</c>).</summary>
    public bool SearchIndexJson { get; init; }

    /// <summary>The absolute path the site is served under (<c>/</c>, or <c>/wiki/</c> for <c>https://host/wiki/</c>).</summary>
    public string BasePath => BaseUrl is null ? "/" : new Uri(BaseUrl).AbsolutePath;

    /// <summary>
    /// <paramref name="url"/> as a base URL (absolute http or https, ending with <c>/</c>), or null when it is not one.
    /// </summary>
    public static string? NormalizeBaseUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        string text = uri.AbsoluteUri;
        return text.EndsWith('/') ? text : text + "/";
    }

    /// <summary>The settings of a section, or null.</summary>
    public SectionConfig? Section(string key) => Sections.TryGetValue(key, out var s) ? s : null;
}
