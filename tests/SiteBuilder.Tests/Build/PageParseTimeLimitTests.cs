using System.Diagnostics;
using SiteBuilder.Build;
using SiteBuilder.Diagnostics;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Build;

/// <summary>
/// A page Markdig parses in quadratic time cannot hold the build: past the time limit it is given up with SB0132 at
/// its path, and every other page is built as usual.
/// </summary>
public sealed class PageParseTimeLimitTests
{
    // Duplicate headings cost Markdig time quadratic in their count (each new heading id is checked against the
    // earlier ones): 20,000 of them take seconds (about 2 s on the 2-core CI machine), a realistic page well under one.
    private static readonly string SlowPage = "---\ntitle: Slow\n---\n" + string.Concat(Enumerable.Repeat("# a\n\n", 20_000));

    [Fact]
    public void A_page_slower_than_the_limit_is_given_up_with_SB0132_and_the_others_are_built()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: T
            base_url: https://example.test/
            -- pages/index.md --
            ---
            title: Home
            ---
            See [the guide](guide.md).
            -- pages/guide.md --
            ---
            title: Guide
            ---
            Text.
            """);
        site.WriteBytes("pages/slow.md", System.Text.Encoding.UTF8.GetBytes(SlowPage));
        var limit = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();
        var result = new SiteGenerator().Build(new BuildOptions { SourceDir = site.Root, PageParseTimeLimit = limit });
        clock.Stop();

        var slow = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PageTooSlow);
        Assert.Equal(DiagnosticSeverity.Error, slow.Severity);
        Assert.Equal(("pages/slow.md", 1, 1), (slow.Location.Path, slow.Location.Line, slow.Location.Column));
        Assert.Contains("longer than", slow.Message);
        // Given up on, not waited for: the build ends soon after the limit, with the other pages parsed and no
        // diagnostic of the slow page's own (its parse goes on, unseen, and is thrown away).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.Path == "pages/slow.md" && d.Code != DiagnosticCodes.PageTooSlow);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void The_same_page_builds_when_the_limit_allows_it()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: T
            base_url: https://example.test/
            -- pages/index.md --
            ---
            title: Home
            ---
            Home.
            """);
        site.WriteBytes("pages/slow.md", System.Text.Encoding.UTF8.GetBytes("---\ntitle: Slow\n---\n" + string.Concat(Enumerable.Repeat("# a\n\n", 2_000))));
        var result = new SiteGenerator().Build(new BuildOptions { SourceDir = site.Root, PageParseTimeLimit = TimeSpan.FromSeconds(60) });
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.PageTooSlow);
        Assert.True(File.Exists(Path.Combine(site.Output, "slow", "index.html")));
    }

    public static TheoryData<string, string> SlowPatterns => new()
    {
        // Each takes Markdig many seconds at this size; a given-up parse must stop at its next block or delimiter.
        { "duplicate headings", string.Concat(Enumerable.Repeat("# a\n\n", 60_000)) },
        { "unclosed links", string.Concat(Enumerable.Repeat("[a](", 200_000)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(SlowPatterns))]
    public void A_parse_given_up_stops_instead_of_running_on(string what, string body)
    {
        string text = "---\ntitle: Slow\n---\n" + body;
        // Cancelled from a thread of its own, as ParsePages cancels from its waiting thread: a timer's callback
        // (CancellationTokenSource(delay)) runs on the thread pool, which a parallel test run can starve for seconds.
        using var cancel = new CancellationTokenSource();
        var sinceCancel = new Stopwatch();
        var canceller = new Thread(() => { Thread.Sleep(200); sinceCancel.Start(); cancel.Cancel(); }) { IsBackground = true };
        var bag = new DiagnosticBag();
        canceller.Start();
        var (_, _, parsed) = SiteBuilder.Markdown.PageParser.Parse("pages/slow.md", text, new HashSet<string>(), unsafeHtml: false,
            SiteBuilder.Markdown.MarkdownPipelineFactory.Default, bag, cancel.Token);
        sinceCancel.Stop();
        canceller.Join();
        Assert.Null(parsed);
        Assert.Empty(bag.ToSortedList());
        // Uncancelled, each pattern runs for many seconds; given up, the parse ends at its next block or delimiter.
        Assert.True(sinceCancel.Elapsed < TimeSpan.FromSeconds(5), $"{what}: {sinceCancel.Elapsed} after the cancel");
    }
}
