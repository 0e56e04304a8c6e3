using Markdig;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Markdown;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Reads each page as UTF-8, parses its front matter and its Markdown, adds its old-anchor markers and renders
/// it to a <see cref="MarkdownBody"/> with holes for the links (in parallel). Neither the text nor the Markdown
/// tree is kept: at 10 000 pages they would be most of the build's memory. Drafts are dropped here.
/// </summary>
public sealed class ParsePages : IIncrementalStep
{
    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <inheritdoc/>
    public string Name => nameof(ParsePages);

    /// <inheritdoc/>
    // Sources for the preview: the pages whose text changed are read again.
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.SourceFiles, BuildProducts.Sources];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.ParsedPages];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var pages = context.Get(BuildProducts.SourceFiles).Pages;
        foreach (var problems in ParseAll(context, pages).Values)
            foreach (var d in problems) context.Diagnostics.Add(d);
        context.Set(BuildProducts.ParsedPages, new ParsedPages(Built(context, pages)));
    }

    /// <summary>
    /// Re-parses the page files the change names (their text, in <see cref="BuildProducts.Sources"/>; created or
    /// deleted ones, in <see cref="BuildProducts.SourceFiles"/>). A page whose front matter is unchanged is updated in
    /// place, so the steps that only read front matter (its URL, kind, layout, place in the tree) need not run again;
    /// the parsed pages' changes name every page re-parsed or gone.
    /// </summary>
    public bool Update(BuildContext context, ProductChanges changes)
    {
        var files = context.Get(BuildProducts.SourceFiles);
        var previous = context.Has(BuildProducts.ParsedPages) ? context.Get(BuildProducts.ParsedPages) : null;
        if (previous?.All is not { } all || previous.Problems is not { } problems || changes.All(BuildProducts.SourceFiles) || changes.All(BuildProducts.Sources))
        {
            context.Diagnostics.Clear();
            var parsed = ParseAll(context, files.Pages);
            foreach (var list in parsed.Values)
                foreach (var d in list) context.Diagnostics.Add(d);
            context.Set(BuildProducts.ParsedPages, new ParsedPages(Built(context, files.Pages))
            {
                All = files.Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal),
                Problems = parsed,
            });
            changes.MarkAll(BuildProducts.ParsedPages);
            return true;
        }
        var listed = changes.Keys(BuildProducts.SourceFiles).Where(DiscoverPages.IsPage).ToHashSet(StringComparer.Ordinal);
        var edited = changes.Keys(BuildProducts.Sources).Where(k => k.StartsWith("pages/", StringComparison.Ordinal))
            .Select(k => k["pages/".Length..]).Where(DiscoverPages.IsPage);
        var keys = listed.Concat(edited).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0) return true;

        var reparse = new List<Page>();
        bool setChanged = false;
        foreach (string rel in keys.Order(StringComparer.Ordinal))
        {
            if (listed.Contains(rel) ? files.Lists(rel) : all.ContainsKey(rel)) reparse.Add(new Page(rel));
            else if (all.Remove(rel))
            {
                problems.Remove(rel);
                setChanged = true;
            }
        }
        foreach (var (rel, list) in ParseAll(context, reparse)) problems[rel] = list;
        var replaced = new List<(Page Old, Page Now)>();
        foreach (var now in reparse)
        {
            if (all.TryGetValue(now.RelativePath, out var old) && SameShape(old, now))
                (old.FrontMatterSource, old.FrontMatter, old.Body) = (now.FrontMatterSource, now.FrontMatter, now.Body);
            else
            {
                if (old is not null && Built(context, old) && Built(context, now)) replaced.Add((old, now));
                else setChanged = true;
                all[now.RelativePath] = now;
            }
        }
        if (!setChanged && replaced.Count > 0)
        {
            // The same pages built, some made anew: each takes the old one's place (sorting 10 000 paths again would be
            // most of an edit's parse).
            var built = previous.ToList();
            foreach (var (old, now) in replaced) built[built.IndexOf(old)] = now;
            context.Set(BuildProducts.ParsedPages, new ParsedPages(built) { All = all, Problems = problems });
        }
        if (setChanged)
            context.Set(BuildProducts.ParsedPages, new ParsedPages(Built(context, all.Values.OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToList()))
            {
                All = all,
                Problems = problems,
            });
        context.Diagnostics.Clear();
        foreach (var list in problems.Values)
            foreach (var d in list) context.Diagnostics.Add(d);
        changes.Mark(BuildProducts.ParsedPages, keys);
        return true;
    }

    /// <summary>
    /// True when a re-parsed page can take the old one's place in place: same title, description, weight, draft state,
    /// layout and aliases (its URL, kind and place in the tree stay), and the same front matter (labels, fields,
    /// statswiki addresses and anchors feed the generated pages, the statswiki map and the stubs).
    /// </summary>
    private static bool SameShape(Page old, Page now) =>
        old.FrontMatterSource == now.FrontMatterSource && (old.Body is null) == (now.Body is null) &&
        old.Title == now.Title && old.FrontMatter.Description == now.FrontMatter.Description && old.FrontMatter.Weight == now.FrontMatter.Weight &&
        old.FrontMatter.Draft == now.FrontMatter.Draft && old.FrontMatter.Layout == now.FrontMatter.Layout &&
        old.FrontMatter.Aliases.SequenceEqual(now.FrontMatter.Aliases);

    private static IReadOnlyList<Page> Built(BuildContext context, IReadOnlyList<Page> pages) =>
        context.Options.IncludeDrafts ? pages : pages.Where(p => Built(context, p)).ToList();

    private static bool Built(BuildContext context, Page page) => context.Options.IncludeDrafts || !page.FrontMatter.Draft;

    /// <summary>Reads and parses <paramref name="pages"/> in place (in parallel); each one's problems, by path under <c>pages/</c>.</summary>
    private static Dictionary<string, IReadOnlyList<Diagnostic>> ParseAll(BuildContext context, IReadOnlyList<Page> pages)
    {
        var problems = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        foreach (var page in pages) problems[page.RelativePath] = [];
        if (pages.Count == 0) return problems;
        var pipeline = MarkdownPipelineFactory.Default;
        // The schema fields a section's pages may use, computed once per section rather than per page.
        var schemaKeys = context.Config.Sections.Values.Where(s => s.Schema is not null).ToDictionary(
            s => s.Key, s => (IReadOnlySet<string>)s.Schema!.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        // Markdig has inputs it parses in quadratic time (an unclosed `[a](` repeated on a line, thousands of
        // duplicate headings or reference definitions): no page may hold the build longer than its time limit.
        // Each page is parsed into its own result and published under the lock, so a page given up on is never
        // changed afterwards by its parse. That parse is cancelled: it stops at its next line or delimiter
        // (ParseCancellation), or, in what the guard's parsers never see, runs on unseen until Markdig is done.
        var running = new System.Collections.Concurrent.ConcurrentDictionary<Page, (long Started, CancellationTokenSource Cancel)>();
        var givenUp = new HashSet<Page>();
        int finished = 0;
        var work = Task.Run(() => Parallel.ForEach(pages, page =>
        {
            using var cancel = new CancellationTokenSource();
            running[page] = (Environment.TickCount64, cancel);
            var bag = new DiagnosticBag();
            var parsed = Parse(page, context, pipeline, schemaKeys.GetValueOrDefault(page.Section, NoKeys), bag, cancel.Token);
            lock (givenUp)
            {
                running.TryRemove(page, out _);
                if (givenUp.Contains(page)) return;
                (page.FrontMatter, page.FrontMatterSource, page.Body) = parsed;
                problems[page.RelativePath] = bag.ToSortedList();
                finished++;
            }
        }));
        long limit = (long)context.Options.PageParseTimeLimit.TotalMilliseconds;
        while (!work.Wait(TimeSpan.FromMilliseconds(Math.Min(250, limit))))
        {
            lock (givenUp)
            {
                foreach (var (page, (started, cancel)) in running)
                {
                    if (Environment.TickCount64 - started < limit || !givenUp.Add(page)) continue;
                    cancel.Cancel();
                    page.FrontMatter = new FrontMatter { Title = page.Slug, Start = new SourceLocation(page.SourcePath, 1, 1) };
                    page.Body = null;
                    problems[page.RelativePath] = [Diagnostic.Error(DiagnosticCodes.PageTooSlow, new SourceLocation(page.SourcePath, 1, 1),
                        $"not built: parsing this page took longer than {context.Options.PageParseTimeLimit.TotalSeconds:0} s " +
                        "(a pattern Markdig parses in quadratic time, e.g. thousands of duplicate headings or reference definitions)")];
                }
                if (finished + givenUp.Count == pages.Count) break;
            }
        }
        if (work.IsCompleted) work.GetAwaiter().GetResult(); // a bug in a parse is an exception, as before
        lock (givenUp) return new Dictionary<string, IReadOnlyList<Diagnostic>>(problems, StringComparer.Ordinal);
    }

    // Reads and parses one page; the result is published by the caller. The body is null when the page is not built.
    private static (FrontMatter FrontMatter, string FrontMatterSource, MarkdownBody? Body) Parse(
        Page page, BuildContext context, MarkdownPipeline pipeline, IReadOnlySet<string> extraKeys, DiagnosticBag diagnostics, CancellationToken cancel)
    {
        // A page not read still has its own path: a section's checks report a missing field at its start.
        var fallback = (new FrontMatter { Title = page.Slug, Start = new SourceLocation(page.SourcePath, 1, 1) }, "", (MarkdownBody?)null);
        if (context.Source.Read(page.SourcePath, Safety.ReadLimits.PageBytes, diagnostics) is not { } bytes) return fallback;
        if (!Safety.StrictUtf8.TryDecode(bytes, out string text, out var bad))
        {
            diagnostics.Error(DiagnosticCodes.NotUtf8, new SourceLocation(page.SourcePath, bad.Line, bad.Column),
                $"file is not valid UTF-8 (byte 0x{bytes[bad.Offset]:X2} at offset {bad.Offset}); save it as UTF-8");
            return fallback;
        }
        var (frontMatter, frontMatterSource, body) = PageParser.Parse(page.SourcePath, text, extraKeys, context.Config.UnsafeHtml, pipeline, diagnostics, cancel);
        frontMatter = frontMatter with { Sources = SourceDocuments.Resolve(frontMatter.Sources, context.Source, diagnostics) };
        return (frontMatter, frontMatterSource, body);
    }
}
