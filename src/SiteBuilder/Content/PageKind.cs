namespace SiteBuilder.Content;

/// <summary>What a page is, which picks its default layout.</summary>
public enum PageKind
{
    /// <summary><c>pages/index.md</c>.</summary>
    Home,
    /// <summary>A folder's <c>index.md</c>.</summary>
    Section,
    /// <summary>Any other page.</summary>
    Page,
    /// <summary>An entry of a section with a schema (e.g. a DIMiS entry).</summary>
    Entry,
    /// <summary>A page the build generates (index pages); it has no Markdown file.</summary>
    Generated,
}
