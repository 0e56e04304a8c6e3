using SiteBuilder.Content;

namespace SiteBuilder.Layouts;

/// <summary>Everything a layout needs to render one page. Hrefs are relative to the page, so the site also works from disk.</summary>
public sealed record PageModel
{
    /// <summary>Site-wide data.</summary>
    public required SiteModel Site { get; init; }
    /// <summary>Page title.</summary>
    public required string Title { get; init; }
    /// <summary>One-line description, if any.</summary>
    public string? Description { get; init; }
    /// <summary>The rendered Markdown body.</summary>
    public required string Content { get; init; }
    /// <summary>Site-relative URL of the page (empty for the home page).</summary>
    public required string Url { get; init; }
    /// <summary>Relative path to the site root (<c>./</c>, <c>../</c> …).</summary>
    public required string Root { get; init; }
    /// <summary>Absolute canonical URL; null when the site has no <c>base_url</c>.</summary>
    public required string? CanonicalUrl { get; init; }
    /// <summary>What kind of page this is.</summary>
    public required PageKind Kind { get; init; }
    /// <summary>Top-level section key (empty for the home page).</summary>
    public required string Section { get; init; }
    /// <summary>Ancestors from the home page down to the parent.</summary>
    public IReadOnlyList<NavLink> Breadcrumbs { get; init; } = [];
    /// <summary>Headings for the in-page table of contents.</summary>
    public IReadOnlyList<TocEntry> Toc { get; init; } = [];
    /// <summary>Child pages (empty when hidden by <c>hide_children</c>).</summary>
    public IReadOnlyList<NavLink> Children { get; init; } = [];
    /// <summary>The sidebar tree of the page's section, with the current branch open.</summary>
    public NavNode? Sidebar { get; init; }
    /// <summary>Sources of the page's facts, with hrefs.</summary>
    public IReadOnlyList<NavLink> Sources { get; init; } = [];
    /// <summary>Labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Pages linking here.</summary>
    public IReadOnlyList<NavLink> Backlinks { get; init; } = [];
    /// <summary>"Edit this page" link, when the site names a repository.</summary>
    public string? EditUrl { get; init; }
    /// <summary>Last change date (ISO) from git, or null when not known for certain.</summary>
    public string? LastUpdated { get; init; }
    /// <summary>The page's statswiki originals.</summary>
    public IReadOnlyList<string> Statswiki { get; init; } = [];
    /// <summary>Structured fields of an entry page, in schema order.</summary>
    public IReadOnlyList<FieldValue> Fields { get; init; } = [];
    /// <summary>Labels with hrefs to their label pages.</summary>
    public IReadOnlyList<NavLink> LabelLinks { get; init; } = [];
    /// <summary>The section's entry table (on a section home whose section has <c>table:</c>), or null.</summary>
    public EntryTable? EntryTable { get; init; }
    /// <summary>Extra data a generated page carries for its layout (e.g. an entry table).</summary>
    public IReadOnlyDictionary<string, object> Data { get; init; } = new Dictionary<string, object>();

    /// <summary>A relative href from this page to a site-relative URL or file path.</summary>
    public string Href(string siteRelative) => Permalinks.Relative(Url, siteRelative.TrimStart('/'));
}
