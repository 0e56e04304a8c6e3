namespace SiteBuilder.Safety;

/// <summary>
/// The largest source files SiteBuilder reads. A larger file is an error at its path (SB0112), so that one file in a
/// pull request cannot exhaust the memory of the machine that builds it: a page costs about 30 times its size while it
/// is parsed and indexed. The figures are far above any real wiki page and stated in the README's "Safety".
/// </summary>
public static class ReadLimits
{
    /// <summary>
    /// A Markdown page under <c>pages/</c>. Some Markdown (wide pipe tables, millions of footnotes) costs Markdig over
    /// 300 bytes of memory per byte of text: at 2 MiB such a page stays under 800 MiB.
    /// </summary>
    public const long PageBytes = 2L << 20;

    /// <summary>The longest one page may take to parse (a realistic page at the size limit takes well under a second).</summary>
    public static readonly TimeSpan PageParseTime = TimeSpan.FromSeconds(20);
    /// <summary>
    /// The most text of one page the search index takes (characters of its plain text; the rest is not searchable, with
    /// warning SB1102): a page of unique words would otherwise add a term for each word to every reader's index.
    /// </summary>
    public const int SearchTextChars = 512 * 1024;
    /// <summary>Any other file copied into the site (an image, a PDF, a theme asset).</summary>
    public const long AssetBytes = 64L << 20;
    /// <summary>A layout (<c>.cshtml</c>) or <c>site.yml</c>.</summary>
    public const long SettingsBytes = 1L << 20;
}
