using System.Collections.Concurrent;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Output;

namespace SiteBuilder.Build;

/// <summary>
/// One build's products (<see cref="BuildProducts"/>), typed slots each step reads and fills under its declarations,
/// with the options, the source folder and the diagnostics every step shares.
/// </summary>
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
    /// <summary>
    /// Where problems go: all those found so far in a full build; in the preview's engine, which keeps each step's
    /// problems apart so that a step run again replaces only its own, the running step's (<see cref="StepEngine"/>).
    /// </summary>
    public DiagnosticBag Diagnostics { get; private set; } = new();

    /// <summary>Sends the problems reported from now on to <paramref name="bag"/> (the engine, before it runs a step).</summary>
    internal void UseDiagnostics(DiagnosticBag bag) => Diagnostics = bag;
    /// <summary>The step running now (while <see cref="Execute"/> runs it), whose declarations every product access is checked against.</summary>
    public IBuildStep? Running { get; private set; }

    /// <summary>
    /// Runs one step under its declarations: while it runs, it may get only the products it reads or produces and set only
    /// those it produces (a step that forgot one fails at once, naming both, instead of reading an empty default).
    /// </summary>
    public void Execute(IBuildStep step)
    {
        if (Running is not null) throw new InvalidOperationException($"step '{step.Name}' started while '{Running.Name}' runs");
        Running = step;
        try { step.Execute(this); }
        finally { Running = null; }
    }

    /// <summary>
    /// Brings an incremental step's products up to date for <paramref name="changes"/>
    /// (<see cref="IIncrementalStep.Update"/>), under its declarations as <see cref="Execute"/> runs it.
    /// </summary>
    public bool Update(IIncrementalStep step, ProductChanges changes)
    {
        if (Running is not null) throw new InvalidOperationException($"step '{step.Name}' started while '{Running.Name}' runs");
        Running = step;
        try { return step.Update(this, changes); }
        finally { Running = null; }
    }

    /// <summary>The value of a product: made by an earlier step, or seeded with <see cref="Set{T}"/>; an optional or gathered one starts empty.</summary>
    /// <exception cref="InvalidOperationException">The running step did not declare it, or nothing made it (a bug: the step list was checked).</exception>
    public T Get<T>(Product<T> product) where T : class
    {
        Allowed(product, write: false);
        return Peek(product) ?? throw new InvalidOperationException(
            $"'{product}' has not been produced{(Running is null ? "" : $" before step '{Running.Name}'")}; no step that makes it ran");
    }

    /// <summary>True when a step made the product (or it was seeded).</summary>
    public bool Has(Product product) => _products.ContainsKey(product);

    /// <summary>
    /// Sets a product's value: the running step must declare it in <see cref="IBuildStep.Produces"/>. Outside a step
    /// (a caller seeding a context to run one step on products it keeps, as the preview server does) any product may be set.
    /// </summary>
    public void Set<T>(Product<T> product, T value) where T : class
    {
        Allowed(product, write: true);
        _products[product] = value;
    }

    /// <summary>A product's value, untyped, when one was made or seeded (for callers that keep products between runs).</summary>
    internal bool TryGetValue(Product product, out object? value) => _products.TryGetValue(product, out value);

    /// <summary>Seeds a product's value, untyped, outside a step (see <see cref="Set{T}"/>).</summary>
    internal void SetValue(Product product, object value)
    {
        Allowed(product, write: true);
        _products[product] = value;
    }

    private T? Peek<T>(Product<T> product) where T : class =>
        _products.TryGetValue(product, out object? value) ? (T)value
        : product.Kind == ProductKind.Single ? null
        : (T)_products.GetOrAdd(product, _ => product.Empty()!);

    private void Allowed(Product product, bool write)
    {
        if (Running is not { } step || step.Produces.Contains(product) || (!write && step.Reads.Contains(product))) return;
        throw new InvalidOperationException(write
            ? $"step '{step.Name}' sets '{product}', which it does not declare in Produces"
            : $"step '{step.Name}' uses '{product}', which it does not declare in Reads or Produces");
    }

    private readonly ConcurrentDictionary<Product, object> _products = new();

    /// <summary>Site configuration (<see cref="BuildProducts.Config"/>).</summary>
    public SiteConfig Config => Get(BuildProducts.Config);
    /// <summary>
    /// The pages as far as the build has made them: every page of the site (<see cref="BuildProducts.Pages"/>), or the
    /// assembled, parsed or discovered ones before that; empty before DiscoverPages.
    /// </summary>
    public IReadOnlyList<Page> Pages => PagesAsMade(checkAccess: true);
    /// <summary>Non-page files under <c>pages/</c> (images, PDFs), as paths under <c>pages/</c> (<see cref="BuildProducts.SourceFiles"/>).</summary>
    public IReadOnlyList<string> PageAssets => Has(BuildProducts.SourceFiles) ? Get(BuildProducts.SourceFiles).Assets : [];
    /// <summary>The page hierarchy: of every page (<see cref="BuildProducts.Pages"/>), or of the assembled ones before GenerateIndexPages.</summary>
    public PageTree Tree => Has(BuildProducts.Pages) ? Get(BuildProducts.Pages).Tree
        : Has(BuildProducts.AssembledPages) ? Get(BuildProducts.AssembledPages).Tree : PageTree.Build([]);
    /// <summary>Statswiki (Confluence) addresses → mirroring pages (<see cref="BuildProducts.StatswikiMap"/>).</summary>
    public Linking.StatswikiUrlMap StatswikiMap => Get(BuildProducts.StatswikiMap);
    /// <summary>Last-change dates (ISO) by source path, from git; absent where unknown (<see cref="BuildProducts.GitHistory"/>).</summary>
    public IReadOnlyDictionary<string, string> LastUpdated => Get(BuildProducts.GitHistory).LastUpdated;
    /// <summary>Source paths git reported, dated or not (<see cref="BuildProducts.GitHistory"/>).</summary>
    public IReadOnlySet<string> SeenInGit => Get(BuildProducts.GitHistory).Seen;

    private IReadOnlyList<Page> PagesAsMade(bool checkAccess)
    {
        if (PageStage() is not { } stage) return [];
        if (checkAccess) Allowed(stage, write: false);
        return _products[stage] switch
        {
            SourceFiles files => files.Pages,
            SitePages pages => pages.Pages,
            var list => (IReadOnlyList<Page>)list,
        };
    }

    private Product? PageStage() =>
        Has(BuildProducts.Pages) ? BuildProducts.Pages
        : Has(BuildProducts.AssembledPages) ? BuildProducts.AssembledPages
        : Has(BuildProducts.ParsedPages) ? BuildProducts.ParsedPages
        : Has(BuildProducts.SourceFiles) ? BuildProducts.SourceFiles : null;
    /// <summary>True once CommitSite swapped the new site in.</summary>
    public bool Written { get; set; }
    /// <summary>Number of files the committed site holds (CommitSite).</summary>
    public int FilesWritten { get; set; }
    /// <summary>
    /// Where the site's files go (<see cref="BuildProducts.Output"/>). In memory unless the build writes a site (then
    /// <see cref="SiteGenerator"/> sets a <see cref="StagingOutput"/> that writes each file as it comes).
    /// </summary>
    public SiteOutput Output => Get(BuildProducts.Output);
    /// <summary>Lines for the build summary (e.g. orphan pages, index size), in the order added (<see cref="BuildProducts.Summary"/>).</summary>
    public ConcurrentQueue<string> Summary => Get(BuildProducts.Summary);
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
    internal static Diagnostic WrittenByTheBuild(string source, string path) =>
        Diagnostic.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(source, 1, 1),
            $"this file takes '{path}', which SiteBuilder writes itself; move or rename it");

    private void Claimed(string path)
    {
        // Diagnostics only: the pages and assets as they are, whichever step adds the file.
        var output = Peek(BuildProducts.Output)!;
        var pages = PagesAsMade(checkAccess: false);
        var assets = Peek(BuildProducts.SourceFiles)?.Assets ?? [];
        bool taken = output.Contains(path);
        string? source = !taken ? null : pages.FirstOrDefault(p => p.OutputPath == path)?.SourcePath
                                         ?? (assets.Contains(path) ? "pages/" + path : null);
        if (source is not null)
        {
            Diagnostics.Add(WrittenByTheBuild(source, path));
            return;
        }
        // A file where another needs a folder, or the other way round (pages/sitemap.xml.md is sitemap.xml/index.html;
        // an asset pages/guide beside pages/guide.md): the page or asset on either side of the path.
        static bool Nested(string a, string b) => a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
        string? other = pages.FirstOrDefault(p => Nested(p.OutputPath, path))?.OutputPath ?? assets.FirstOrDefault(a => Nested(a, path));
        source = other is null ? null : pages.FirstOrDefault(p => p.OutputPath == other)?.SourcePath ?? "pages/" + other;
        if (source is null) throw new InvalidOperationException($"two build outputs claim '{path}'{(taken ? "" : " as a file and a folder")}");
        Diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(source, 1, 1),
            $"this file is written as '{other}', which cannot sit beside '{path}' (one would be a file and a folder at once); move or rename it");
    }
}
