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
public sealed class ParsePages : IBuildStep
{
    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <inheritdoc/>
    public string Name => nameof(ParsePages);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config, BuildProducts.SourceFiles];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.ParsedPages];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var pages = context.Get(BuildProducts.SourceFiles).Pages;
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
                foreach (var d in bag.ToSortedList()) context.Diagnostics.Add(d);
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
                    context.Diagnostics.Error(DiagnosticCodes.PageTooSlow, new SourceLocation(page.SourcePath, 1, 1),
                        $"not built: parsing this page took longer than {context.Options.PageParseTimeLimit.TotalSeconds:0} s " +
                        "(a pattern Markdig parses in quadratic time, e.g. thousands of duplicate headings or reference definitions)");
                }
                if (finished + givenUp.Count == pages.Count) break;
            }
        }
        if (work.IsCompleted) work.GetAwaiter().GetResult(); // a bug in a parse is an exception, as before
        context.Set(BuildProducts.ParsedPages, context.Options.IncludeDrafts ? pages : pages.Where(p => !p.FrontMatter.Draft).ToList());
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
