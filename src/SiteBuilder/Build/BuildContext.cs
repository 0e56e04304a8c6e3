using System.Collections.Concurrent;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build;

/// <summary>The state the build steps share. Each step reads what earlier steps wrote and adds its own part.</summary>
public sealed class BuildContext
{
    /// <summary>Creates a context for one build.</summary>
    public BuildContext(BuildOptions options)
    {
        Options = options;
        SourceDir = Path.GetFullPath(options.SourceDir);
        Source = new Safety.SourceTree(SourceDir);
    }

    /// <summary>Options of this build.</summary>
    public BuildOptions Options { get; }
    /// <summary>Absolute source folder.</summary>
    public string SourceDir { get; }
    /// <summary>The one way to read the source folder: contained, regular files only, size-limited.</summary>
    public Safety.SourceTree Source { get; }
    /// <summary>All problems found so far.</summary>
    public DiagnosticBag Diagnostics { get; } = new();
    /// <summary>Site configuration (LoadConfig).</summary>
    public SiteConfig Config { get; set; } = new();
    /// <summary>Pages found on disk (DiscoverPages), then parsed (ParsePages).</summary>
    public List<Page> Pages { get; } = [];
    /// <summary>Non-page files under <c>pages/</c> (images, PDFs), as paths under <c>pages/</c>.</summary>
    public List<string> PageAssets { get; } = [];
    /// <summary>The page hierarchy (AssemblePages).</summary>
    public PageTree Tree { get; set; } = PageTree.Build([]);
    /// <summary>Resolves Markdown links (ResolveLinks); later steps reuse it.</summary>
    public Linking.LinkResolver? LinkResolver { get; set; }
    /// <summary>Statswiki (Confluence) addresses → mirroring pages (MapStatswikiUrls).</summary>
    public Linking.StatswikiUrlMap StatswikiMap { get; set; } = Linking.StatswikiUrlMap.Empty;
    /// <summary>The site's layouts and theme assets (ApplyLayouts).</summary>
    public Layouts.LayoutSet? Layouts { get; set; }
    /// <summary>Renders layouts (ApplyLayouts); generated pages reuse it so each layout compiles once.</summary>
    public Layouts.ILayoutRenderer? LayoutRenderer { get; set; }
    /// <summary>Builds page models (ApplyLayouts); generated pages reuse it.</summary>
    public Layouts.PageModelFactory? ModelFactory { get; set; }
    /// <summary>Last-change dates (ISO) by source path, from git; absent where unknown.</summary>
    public Dictionary<string, string> LastUpdated { get; } = new(StringComparer.Ordinal);
    /// <summary>Source paths git reported (ReadGitHistory), dated or not.</summary>
    public HashSet<string> SeenInGit { get; } = new(StringComparer.Ordinal);
    /// <summary>True once WriteSite swapped the new site in.</summary>
    public bool Written { get; set; }
    /// <summary>Number of files WriteSite wrote.</summary>
    public int FilesWritten { get; set; }
    /// <summary>
    /// Where the site's files go; any step may add. In memory unless the build writes a site (then
    /// <see cref="SiteGenerator"/> sets a <see cref="StagingOutput"/> that writes each file as it comes).
    /// </summary>
    public SiteOutput Output { get; set; } = new MemoryOutput();
    /// <summary>Lines for the build summary (e.g. orphan pages, index size), in the order added.</summary>
    public ConcurrentQueue<string> Summary { get; } = new();
    /// <summary>The search index being written in the background (StartSearchIndex), if it was started.</summary>
    public Task<Search.SearchIndexResult>? SearchIndex { get; set; }
    /// <summary>Time spent per step.</summary>
    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = [];
    /// <summary>"Now" for the output: from <c>SOURCE_DATE_EPOCH</c> or the newest git commit; null when unknown.</summary>
    public DateTimeOffset? BuildDate { get; set; }

    /// <summary>Adds a file to write; a second file at the same path is reported (see <see cref="Claimed"/>).</summary>
    public void AddOutput(OutputFile file)
    {
        if (!Output.TryAdd(file.Path, file.Content)) Claimed(file.Path);
    }

    /// <summary>Adds a UTF-8 text file to write; a second file at the same path is reported (see <see cref="Claimed"/>).</summary>
    public void AddOutput(string path, string text)
    {
        if (!Output.TryAdd(path, text)) Claimed(path);
    }

    /// <summary>Adds a UTF-8 text file from a buffer the caller goes on using; a second file at the same path is reported.</summary>
    public void AddOutput(string path, System.Text.StringBuilder text)
    {
        if (!Output.TryAdd(path, text)) Claimed(path);
    }

    /// <summary>
    /// A second file at a path already written. When a page or a file under <c>pages/</c> took the path of a file the
    /// build generates (<c>pages/search/index.md</c>, <c>pages/sitemap.xml</c>, <c>pages/assets/css/site.css</c>), that
    /// is the content's doing: an error at that file (SB0107), and the build goes on. Anything else is a bug in a step.
    /// </summary>
    private void Claimed(string path)
    {
        bool taken = Output.Contains(path);
        string? source = !taken ? null : Pages.FirstOrDefault(p => p.OutputPath == path)?.SourcePath
                                         ?? (PageAssets.Contains(path) ? "pages/" + path : null);
        if (source is not null)
        {
            Diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(source, 1, 1),
                $"this file takes '{path}', which SiteBuilder writes itself; move or rename it");
            return;
        }
        // A file where another needs a folder, or the other way round (pages/sitemap.xml.md is sitemap.xml/index.html;
        // an asset pages/guide beside pages/guide.md): the page or asset on either side of the path.
        static bool Nested(string a, string b) => a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
        string? other = Pages.FirstOrDefault(p => Nested(p.OutputPath, path))?.OutputPath ?? PageAssets.FirstOrDefault(a => Nested(a, path));
        source = other is null ? null : Pages.FirstOrDefault(p => p.OutputPath == other)?.SourcePath ?? "pages/" + other;
        if (source is null) throw new InvalidOperationException($"two build outputs claim '{path}'{(taken ? "" : " as a file and a folder")}");
        Diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(source, 1, 1),
            $"this file is written as '{other}', which cannot sit beside '{path}' (one would be a file and a folder at once); move or rename it");
    }
}
