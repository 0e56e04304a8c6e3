namespace SiteBuilder.Diagnostics;

/// <summary>
/// Every stable diagnostic code. Codes never change meaning once published: tools and people
/// grep for them. Ranges: SB00xx configuration, SB01xx pages and front matter, SB02xx sections
/// and schemas, SB03xx layouts, SB04xx output, SB10xx links, SB11xx search. Bugs are exceptions, not diagnostics (exit code 1).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary><c>site.yml</c> is missing or malformed.</summary>
    public const string ConfigInvalid = "SB0001";
    /// <summary>A <c>site.yml</c> key has a value of the wrong type or range.</summary>
    public const string ConfigValue = "SB0002";
    /// <summary>An unknown key in <c>site.yml</c> (warning).</summary>
    public const string ConfigUnknownKey = "SB0003";
    /// <summary>The source folder has no <c>pages/</c> folder.</summary>
    public const string NoPagesFolder = "SB0004";
    /// <summary>The output folder would hold, or be held by, the source (or replace a folder SiteBuilder did not write).</summary>
    public const string OutputOverlapsSource = "SB0005";
    /// <summary><c>site.yml</c> nests deeper than 64 levels or holds more than 100,000 YAML nodes (aliases expanded): not read.</summary>
    public const string ConfigTooComplex = "SB0006";
    /// <summary><c>SOURCE_DATE_EPOCH</c> is set but is not a whole number of seconds in range.</summary>
    public const string SourceDateEpoch = "SB0020";
    /// <summary>The <c>lunr</c> command's input is not JSON, not an array of objects, lacks the ref property, or is too large.</summary>
    public const string LunrInput = "SB0021";
    /// <summary>No <c>base_url</c> is configured, so no sitemap is written (a note: never fails a build).</summary>
    public const string NoBaseUrl = "SB0040";

    /// <summary>A page file is not valid UTF-8.</summary>
    public const string NotUtf8 = "SB0101";
    /// <summary>The front matter is not valid YAML.</summary>
    public const string FrontMatterYaml = "SB0102";
    /// <summary>The front matter has no <c>title</c>.</summary>
    public const string MissingTitle = "SB0103";
    /// <summary>A front-matter value has the wrong type.</summary>
    public const string FrontMatterType = "SB0104";
    /// <summary>An unknown front-matter key (warning).</summary>
    public const string UnknownFrontMatterKey = "SB0105";
    /// <summary>The front matter opens with <c>---</c> but is never closed.</summary>
    public const string UnclosedFrontMatter = "SB0106";
    /// <summary>Two pages (or a page and an alias) claim the same URL.</summary>
    public const string DuplicateUrl = "SB0107";
    /// <summary>A page names a layout that does not exist.</summary>
    public const string UnknownLayout = "SB0108";
    /// <summary>A statswiki URL in front matter is malformed or claimed by two pages.</summary>
    public const string StatswikiUrl = "SB0109";
    /// <summary>
    /// A source entry that is not read (warning): a symbolic link leading outside the source folder, a link loop, a
    /// dangling link, or something that is not a regular file or folder (a named pipe, a device, a socket).
    /// </summary>
    public const string UnsafeSourceEntry = "SB0110";
    /// <summary>A source folder or file that exists but cannot be read (warning; it is skipped).</summary>
    public const string UnreadableSource = "SB0111";
    /// <summary>A source file is larger than SiteBuilder reads (see the README's "Safety").</summary>
    public const string FileTooLarge = "SB0112";
    /// <summary>A path from the content (an alias, a statswiki URL, a slug) would be written outside the output folder.</summary>
    public const string PathOutsideOutput = "SB0113";
    /// <summary>The front matter nests deeper than 64 levels or holds more than 100,000 YAML nodes (aliases expanded): not read.</summary>
    public const string FrontMatterTooComplex = "SB0114";
    /// <summary>The Markdown nests deeper than SiteBuilder renders (block quotes, lists, emphasis or links inside each other).</summary>
    public const string MarkdownTooDeep = "SB0130";
    /// <summary>Raw HTML, a link or an attribute that can run script, refused unless <c>site.yml</c> sets <c>unsafe_html: true</c>.</summary>
    public const string UnsafeHtml = "SB0131";
    /// <summary>A page took longer to parse than its time limit and is not built (a pattern Markdig parses in quadratic time).</summary>
    public const string PageTooSlow = "SB0132";

    /// <summary>A source names a repository file that does not exist.</summary>
    public const string SourceFileMissing = "SB0150";
    /// <summary>A source says <c>seed</c>, but <c>seeds/</c> holds no file or several.</summary>
    public const string SourceSeedAmbiguous = "SB0151";
    /// <summary>A source names a file that may not be published (outside the repository, hidden, a link, not a regular file).</summary>
    public const string SourceFileUnsafe = "SB0152";
    /// <summary>A source names a file larger than a published document may be.</summary>
    public const string SourceFileTooLarge = "SB0153";
    /// <summary>A published source document would take the path of another file of the site.</summary>
    public const string SourceFileClash = "SB0154";

    /// <summary>A required field of a section schema is missing.</summary>
    public const string SchemaRequired = "SB0201";
    /// <summary>A value is not in the field's controlled list.</summary>
    public const string SchemaNotInList = "SB0202";
    /// <summary>A country code is not an ISO 3166-1 alpha-3 code.</summary>
    public const string SchemaCountry = "SB0203";
    /// <summary>A field value has the wrong type for the schema.</summary>
    public const string SchemaType = "SB0204";
    /// <summary>A schema in <c>site.yml</c> is itself invalid.</summary>
    public const string SchemaDefinition = "SB0205";

    /// <summary>A layout does not compile.</summary>
    public const string LayoutCompile = "SB0301";
    /// <summary>A layout threw while rendering a page.</summary>
    public const string LayoutRuntime = "SB0302";
    /// <summary>Templates include each other in a cycle, or nest deeper than 16 (the include chain is in the message).</summary>
    public const string LayoutIncludeCycle = "SB0303";
    /// <summary>A layout names a master layout or partial that does not exist.</summary>
    public const string LayoutNotFound = "SB0304";
    /// <summary>A layout ran past its render time limit (an endless loop).</summary>
    public const string LayoutTimeLimit = "SB0305";
    /// <summary>A layout recursed so deep that it would overflow the stack.</summary>
    public const string LayoutRecursion = "SB0306";
    /// <summary>A layout allocated more memory than one render may.</summary>
    public const string LayoutMemory = "SB0307";
    /// <summary>A layout uses C# that safe mode refuses (files, network, processes, reflection …); <c>--trust-layouts</c> allows it.</summary>
    public const string LayoutUnsafeCode = "SB0308";

    /// <summary>The output folder could not be written.</summary>
    public const string OutputWrite = "SB0401";
    /// <summary>The output refused a file whose path would leave the output folder (a missed check upstream; the build fails).</summary>
    public const string OutputRefused = "SB0402";

    /// <summary>A relative Markdown link points to no page or file.</summary>
    public const string BrokenLink = "SB1001";
    /// <summary>A link's <c>#fragment</c> names no heading or anchor of its target.</summary>
    public const string BrokenFragment = "SB1002";
    /// <summary>A wiki link <c>[[Target]]</c> names no page.</summary>
    public const string UnknownWikiTarget = "SB1003";
    /// <summary>A wiki link title matches several pages.</summary>
    public const string AmbiguousWikiTarget = "SB1004";

    /// <summary>The search index is larger than its budget (set in <c>site.yml</c>, or the default).</summary>
    public const string SearchBudget = "SB1101";
    /// <summary>A page's text is longer than the search index takes of one page; the rest is not searchable.</summary>
    public const string SearchTextTruncated = "SB1102";
}
