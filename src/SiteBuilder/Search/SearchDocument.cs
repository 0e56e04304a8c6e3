namespace SiteBuilder.Search;

/// <summary>One page as the site search sees it.</summary>
public sealed class SearchDocument
{
    private readonly Func<string> _body;

    /// <summary>A document whose text is given.</summary>
    /// <param name="Ref">A stable identity (e.g. the source path); documents are indexed in ordinal order of it.</param>
    /// <param name="Url">The page URL relative to the site root, e.g. <c>dimis/about/</c>.</param>
    /// <param name="Title">The page title.</param>
    /// <param name="Section">The top-level section the page belongs to (e.g. <c>DIMiS</c>), or null.</param>
    /// <param name="Headings">The page's heading texts.</param>
    /// <param name="Body">The page text without markup.</param>
    /// <param name="Labels">The page's labels (tags).</param>
    public SearchDocument(string Ref, string Url, string Title, string? Section, IReadOnlyList<string> Headings, string Body,
        IReadOnlyList<string> Labels)
        : this(Ref, Url, Title, Section, Headings, () => Body, Labels) { }

    /// <summary>
    /// A document whose text is made when the index needs it (possibly on a worker thread, and more than once),
    /// so the text of every page need not be in memory at the same time.
    /// </summary>
    public SearchDocument(string Ref, string Url, string Title, string? Section, IReadOnlyList<string> Headings, Func<string> Body,
        IReadOnlyList<string> Labels)
    {
        this.Ref = Ref;
        this.Url = Url;
        this.Title = Title;
        this.Section = Section;
        this.Headings = Headings;
        _body = Body;
        this.Labels = Labels;
    }

    /// <summary>A stable identity (e.g. the source path); documents are indexed in ordinal order of it.</summary>
    public string Ref { get; }
    /// <summary>The page URL relative to the site root, e.g. <c>dimis/about/</c>.</summary>
    public string Url { get; }
    /// <summary>The page title.</summary>
    public string Title { get; }
    /// <summary>The top-level section the page belongs to (e.g. <c>DIMiS</c>), or null.</summary>
    public string? Section { get; }
    /// <summary>The page's heading texts.</summary>
    public IReadOnlyList<string> Headings { get; }
    /// <summary>The page text without markup.</summary>
    public string Body => _body();
    /// <summary>The page's labels (tags).</summary>
    public IReadOnlyList<string> Labels { get; }
}
