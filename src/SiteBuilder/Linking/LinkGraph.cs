using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Linking;

/// <summary>
/// Every page's links resolved (ResolveLinks' product): the resolver that answers link targets and ids and, kept by the
/// preview between edits, what each page's links reached and what they reported, so that an edit relinks only the pages
/// whose links can change (<see cref="Build.Steps.ResolveLinks.Update"/>). A full build keeps only the resolver.
/// </summary>
public sealed class LinkGraph
{
    /// <summary>A graph of a full build: the resolver only.</summary>
    public LinkGraph(LinkResolver resolver) => Resolver = resolver;

    /// <summary>Answers link targets and the ids of every page.</summary>
    public LinkResolver Resolver { get; internal set; }

    /// <summary>Resolves wiki links with <see cref="Resolver"/>.</summary>
    internal WikiLinkResolver? Wiki { get; set; }

    /// <summary>Each page's links, by its path under <c>pages/</c>; null in a full build (nothing is kept per page).</summary>
    internal Dictionary<string, PageLinks>? Pages { get; set; }

    /// <summary>For each page URL, the URLs of the pages linking to it (its backlinks).</summary>
    internal Dictionary<string, HashSet<string>> Inbound { get; } = new(StringComparer.Ordinal);

    /// <summary>Every page's link problems (kept per page).</summary>
    public IEnumerable<Diagnostic> Problems => Pages is { } pages ? WithProblems.SelectMany(rel => pages[rel].Problems) : [];

    /// <summary>The paths of the pages in <see cref="Pages"/> with link problems (most have none: no pass over every page).</summary>
    internal HashSet<string> WithProblems { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths of the pages in <see cref="Pages"/> whose body has a wiki link (relinked when a title changes).</summary>
    internal HashSet<string> WithWikiLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The pages as last linked, in their order: after an edit that put pages in others' places (the same tree, see
    /// <see cref="PageTree.Replace"/>) the pages made anew are those not in the same place here.
    /// </summary>
    internal Page[] Linked { get; set; } = [];

    /// <summary>Keeps <paramref name="entry"/> as its page's links (in <see cref="Pages"/>, with the sets that index them).</summary>
    internal void Set(PageLinks entry)
    {
        string rel = entry.Page.RelativePath;
        Pages![rel] = entry;
        if (entry.Problems.Count > 0) WithProblems.Add(rel);
        else WithProblems.Remove(rel);
        if (entry.Page.Body?.HasWikiLinks == true) WithWikiLinks.Add(rel);
        else WithWikiLinks.Remove(rel);
    }

    /// <summary>Forgets the links of the page at <paramref name="relativePath"/>.</summary>
    internal void Remove(string relativePath)
    {
        Pages!.Remove(relativePath);
        WithProblems.Remove(relativePath);
        WithWikiLinks.Remove(relativePath);
    }

    /// <summary>The statswiki addresses the pages cite that no page mirrors (kept per page).</summary>
    public IEnumerable<(string Url, SourceLocation At)> Unmirrored => Pages?.Values.SelectMany(p => p.Unmirrored) ?? [];

    /// <summary>
    /// The summary lines of <see cref="Unmirrored"/> (sorted and formatted: tens of milliseconds with thousands of such
    /// links), kept until a page that has or had one is relinked; null when they are to be made again.
    /// </summary>
    internal List<string>? UnmirroredSummary { get; set; }

    /// <summary>What one page's links reached and reported.</summary>
    internal sealed record PageLinks(Page Page, HashSet<string> Outbound, IReadOnlyList<Diagnostic> Problems,
        IReadOnlyList<(string Url, SourceLocation At)> Unmirrored);
}
