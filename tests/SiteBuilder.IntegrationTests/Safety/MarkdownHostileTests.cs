using System.Text;

namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// Hostile Markdown: nesting past the limit, lines and pages at the size limit, a million links, wiki links and
/// <c>{{children}}</c> with hostile content. Each case runs the real executable and checks exit code, the diagnostic's
/// position, the time, and that nothing else changed.
/// </summary>
public sealed class MarkdownHostileTests
{
    private const string FrontMatter = "---\ntitle: Hostile\n---\n";

    // Just under the page read limit (ReadLimits.PageBytes, 2 MiB), front matter included.
    private const int PageBudget = (int)SiteBuilder.Safety.ReadLimits.PageBytes - 64;

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static string Fill(string unit, string tail = "\n") => Repeat(unit, (PageBudget - FrontMatter.Length - tail.Length) / unit.Length) + tail;

    private static CliRun BuildPage(HostileSite site, string body, TimeSpan? timeout = null)
    {
        site.WriteBytes("pages/guide/hostile.md", Encoding.UTF8.GetBytes(FrontMatter + body));
        return site.Run(["build", "--source", site.Root], timeout: timeout ?? TimeSpan.FromSeconds(120));
    }

    public static TheoryData<string, string, string> TooDeep => new()
    {
        // The 101st block quote.
        { "block quotes", Repeat(">", 200) + " deep\n", "4:101" },
        // A list and its item are a level each: the 51st list, at column 101 of its line.
        { "lists", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item\n")), "54:101" },
        // A quote, a list and its item are three levels: the 101st is the list of the 34th "> 1. ".
        { "ordered lists in quotes", Repeat("> 1. ", 120) + "x\n", "4:168" },
        // Strong emphasis is two stars a level: the 101st level starts at star 201.
        { "emphasis", Repeat("*", 300) + "a" + Repeat("*", 300) + "\n", "4:201" },
        { "unclosed emphasis", Repeat("_a ", 300) + "\n", "4:301" },
        { "brackets", Repeat("[", 300) + "a" + Repeat("]", 300) + "\n", "4:101" },
        { "images in images", Repeat("![", 300) + "a" + Repeat("](x.png)", 300) + "\n", "4:201" },
        { "wiki-link openers", Repeat("[[", 300) + "a\n", "4:101" },
        // 90 quotes, then strong emphasis: the 11th strong (stars 21 and 22, from column 92) is the 101st level.
        { "quotes then emphasis", Repeat(">", 90) + " " + Repeat("*", 40) + "a" + Repeat("*", 40) + "\n", "4:112" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void MarkdownNestedPastTheLimitIsAnErrorWhereItCrossesIt(string what, string body, string at)
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, body);
        run.AssertExit(2).AssertDiagnostic($"pages/guide/hostile.md:{at}: error SB0130: Markdown nested more than 100 levels deep here");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"{what}: {run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void NestingUpToTheLimitBuilds()
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, Repeat(">", 100) + " deep enough\n");
        run.AssertExit(0).AssertNoStackTrace();
        Assert.Contains("<p>deep enough</p>", File.ReadAllText(Path.Combine(site.Output, "guide", "hostile", "index.html")));
    }

    public static TheoryData<string, string> TooDeepAtTheSizeLimit => new()
    {
        { "a 2 MiB line of block quotes", Fill(">", " a\n") },
        { "a 2 MiB line of list markers", Fill("- ", "a\n") },
        { "a 2 MiB line of brackets", Fill("[") },
        { "a 2 MiB line of wiki-link openers", Fill("[[a") },
        { "2 MiB of emphasis openers", Fill("*a ") },
    };

    [Theory]
    [MemberData(nameof(TooDeepAtTheSizeLimit))]
    public void NestingAtTheSizeLimitFailsInSeconds(string what, string body)
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, body);
        run.AssertExit(2).AssertDiagnostic("pages/guide/hostile.md:4:").AssertNoStackTrace();
        Assert.Contains("error SB0130", run.Stderr);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"{what}: {run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void ALineAtThePageLimitBuildsInSeconds()
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, Fill("words on one line "));
        run.AssertExit(0).AssertNoStackTrace();
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"{run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void TwoHundredThousandLinksOnAPageBuildInSeconds()
    {
        using var site = HostileSite.Create();
        // 200,000 reference links, ten to a line, to a page that exists (about 1.4 MiB; inline links would not fit in 2 MiB).
        var run = BuildPage(site, "[r]: index.md\n\n" + Repeat(Repeat("[g][r] ", 10) + "\n", 20_000));
        run.AssertExit(0).AssertNoStackTrace();
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"{run.Elapsed}");
        site.AssertSafe(run);
    }

    [Fact]
    public void WikiLinksWithHostileContentAreEscapedOrReportedAtTheirBracket()
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, "See [[Guide|<img src=x onerror=alert(1)>]] and\n[[<script>alert(1)</script>]] and [[../../../../etc/passwd]].\n");
        run.AssertExit(2)
            .AssertDiagnostic("pages/guide/hostile.md:5:1: error SB1003: wiki link target '<script>alert(1)</script>'")
            .AssertDiagnostic("pages/guide/hostile.md:5:35: error SB1003: wiki link target '../../../../etc/passwd'");
        site.AssertSafe(run);

        var ok = BuildPage(site, "See [[Guide|<img src=x onerror=alert(1)>]].\n");
        ok.AssertExit(0).AssertNoStackTrace();
        string html = File.ReadAllText(Path.Combine(site.Output, "guide", "hostile", "index.html"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;</a>", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public void ChildListsAnywhereAndOftenBuild()
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, Repeat("{{children}}\n", 100_000) + "> {{children}}\n\n- {{children}}\n\n" + Repeat(">", 99) + " {{children}}\n");
        run.AssertExit(0).AssertNoStackTrace();
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"{run.Elapsed}");
        site.AssertSafe(run);
    }

    // ---- Unsafe HTML ---------------------------------------------------------------------------------------------

    private const string Refused = "; SiteBuilder does not publish it unless site.yml sets 'unsafe_html: true'";

    public static TheoryData<string, string> UnsafeCases => new()
    {
        { "<script>alert(1)</script>\n", "4:1: error SB0131: raw HTML <script> runs script" },
        { "<div>\n  <p>fine</p>\n  <script src=x.js></script>\n</div>\n", "6:3: error SB0131: raw HTML <script> runs script" },
        { "> <iframe src=\"https://example.org/\"></iframe>\n", "4:3: error SB0131: raw HTML <iframe> embeds another document, which can run script" },
        { "<object data=x.swf></object>\n", "4:1: error SB0131: raw HTML <object> embeds another document" },
        { "<embed src=x.swf>\n", "4:1: error SB0131: raw HTML <embed> embeds another document" },
        { "<style>body{display:none}</style>\n", "4:1: error SB0131: raw HTML <style> restyles the whole page" },
        { "<meta http-equiv=refresh content=\"0;url=https://evil.test/\">\n", "4:1: error SB0131: raw HTML <meta> redirects the page or its links" },
        { "Text <img src=x onerror=\"alert(1)\"> here.\n", "4:6: error SB0131: raw HTML <img onerror=…> is an event handler: it runs script" },
        { "Text <a href=\"javascript:alert(1)\">x</a>.\n", "4:6: error SB0131: raw HTML <a href=…> is a 'javascript:' URL, which can run script" },
        { "<div><svg><a href=\" JAVA&#x09;SCRIPT:alert(1)\">x</a></svg></div>\n", "4:11: error SB0131: raw HTML <a href=…> is a 'javascript:' URL" },
        { "<iframe srcdoc=\"x\"></iframe>\n", "4:1: error SB0131: raw HTML <iframe> embeds another document" },
        { "See [this](javascript:alert(1)).\n", "4:5: error SB0131: a link to a 'javascript:' URL can run script" },
        { "See [this](&#106;avascript:alert(1)).\n", "4:5: error SB0131: a link to a 'javascript:' URL can run script" },
        { "See [this](VBScript:msgbox).\n", "4:5: error SB0131: a link to a 'vbscript:' URL can run script" },
        { "See [this](data:text/html,<script>alert(1)</script>).\n", "4:5: error SB0131: a link to a 'data:' URL can run script" },
        { "![pic](data:image/svg+xml;base64,PHN2Zz4=)\n", "4:1: error SB0131: an image to a 'data:' URL can run script" },
        { "See <javascript:alert(1)>.\n", "4:5: error SB0131: a link to a 'javascript:' URL can run script" },
        { "# Heading {onclick=\"alert(1)\"}\n", "4:1: error SB0131: the attribute 'onclick' is an event handler: it runs script" },
    };

    [Theory]
    [MemberData(nameof(UnsafeCases))]
    public void HtmlThatCanRunScriptIsRefusedAtItsPosition(string body, string diagnostic)
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, body);
        run.AssertExit(2).AssertDiagnostic("pages/guide/hostile.md:" + diagnostic);
        Assert.Contains(Refused, run.Stderr);
        site.AssertSafe(run);
    }

    [Fact]
    public void SafeHtmlAndDataImagesArePublishedAsWritten()
    {
        using var site = HostileSite.Create();
        var run = BuildPage(site, "<details><summary>More</summary>\n\n<b>bold</b> <img src=\"map.png\" alt=\"map\">\n\n</details>\n\n" +
                                  "![dot](data:image/png;base64,iVBORw0KGgo=) and <kbd>Ctrl</kbd>.\n");
        run.AssertExit(0).AssertNoStackTrace();
        string html = File.ReadAllText(Path.Combine(site.Output, "guide", "hostile", "index.html"));
        Assert.Contains("<details><summary>More</summary>", html);
        Assert.Contains("<kbd>Ctrl</kbd>", html);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", html);
    }

    [Fact]
    public void UnsafeHtmlTrueInSiteYmlPublishesItAsWritten()
    {
        using var site = HostileSite.Create();
        site.Write("-- site.yml --\ntitle: Hostile test site\nbase_url: https://hostile.test/\nunsafe_html: true\n");
        var run = BuildPage(site, "<script>window.embedded = 1;</script>\n\nSee [this](javascript:void(0)).\n");
        run.AssertExit(0).AssertNoStackTrace();
        string html = File.ReadAllText(Path.Combine(site.Output, "guide", "hostile", "index.html"));
        Assert.Contains("<script>window.embedded = 1;</script>", html);
        Assert.Contains("href=\"javascript:void(0)\"", html);
    }
}
