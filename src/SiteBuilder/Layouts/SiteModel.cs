namespace SiteBuilder.Layouts;

/// <summary>Site-wide data for layouts. One instance per build, shared by every page model.</summary>
public sealed record SiteModel
{
    /// <summary>Site title.</summary>
    public required string Title { get; init; }
    /// <summary>Site description.</summary>
    public string? Description { get; init; }
    /// <summary>Page language (the <c>lang</c> attribute).</summary>
    public required string Language { get; init; }
    /// <summary>Absolute base URL ending with <c>/</c>; null when the site has none configured.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>The footer's line of plain text (<c>footer:</c> of <c>site.yml</c>); null for none.</summary>
    public string? Footer { get; init; }
    /// <summary>Repository URL, if any.</summary>
    public string? Repository { get; init; }
    /// <summary>
    /// Top-level sections (title and site-relative URL), in tree order. The title is the section's <c>title</c> in
    /// <c>site.yml</c> when it has one (a short name for navigation), else its home page's title.
    /// </summary>
    public required IReadOnlyList<(string Title, string Url)> Sections { get; init; }
}
