using SiteBuilder.Diagnostics;
using SiteBuilder.Markdown;

namespace SiteBuilder.Tests.Markdown;

/// <summary>One page parsed in memory: what it refuses and where it says so.</summary>
public sealed class PageParserTests
{
    private static (Diagnostic[] Diagnostics, bool Built) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var (_, _, body) = PageParser.Parse("pages/deep.md", text, new HashSet<string>(), unsafeHtml: false, MarkdownPipelineFactory.Default, bag);
        return (bag.ToSortedList().ToArray(), body is not null);
    }

    private static string Stars(int n) => new('*', n);

    [Theory]
    // A heading's text is rendered for its id while the page is parsed; Markdig's renderer stops at 128 levels, before
    // the nesting guard's walk would have counted them (found by the fuzzer): the error is at the heading's line.
    [InlineData("# {0}x{0}\n", 4)]
    [InlineData("Intro.\n\n## Title {0}x{0} end\n\nAfter.\n", 6)]
    public void Emphasis_too_deep_for_Markdig_in_a_heading_is_refused_at_its_line(string body, int line)
    {
        var (diagnostics, built) = Parse("---\ntitle: Deep\n---\n" + string.Format(body, Stars(300)));
        Assert.False(built);
        var error = Assert.Single(diagnostics);
        Assert.Equal($"pages/deep.md:{line}:1: error SB0130: Markdown nested too deep for the Markdown parser on this line (emphasis or links inside each other, e.g. in a heading); split it up", error.ToString());
    }

    [Fact]
    public void Emphasis_in_a_heading_within_the_limits_builds()
    {
        var (diagnostics, built) = Parse("---\ntitle: Deep\n---\n# " + Stars(100) + "x" + Stars(100) + "\n");
        Assert.True(built);
        Assert.Empty(diagnostics);
    }
}
