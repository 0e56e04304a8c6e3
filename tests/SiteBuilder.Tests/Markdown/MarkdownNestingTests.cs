using Markdig;
using SiteBuilder.Markdown;

namespace SiteBuilder.Tests.Markdown;

/// <summary>
/// The nesting limit: how deep a page may nest, where the error points, and that no depth the parser accepts makes
/// Markdig or our own walks throw or overflow.
/// </summary>
public sealed class MarkdownNestingTests
{
    private static (int Line, int Column)? TooDeepAt(string markdown)
    {
        var context = new MarkdownParserContext();
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipelineFactory.Default, context);
        return MarkdownNesting.TooDeepAt(document, context, new SiteBuilder.Markdown.Body.LineIndex(markdown));
    }

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    [Theory]
    // The 101st block quote, on the second line.
    [InlineData("intro\n" + "#101>", 2, 101)]
    // Unclosed brackets and emphasis openers: the 101st open one (the first the guard keeps as text).
    [InlineData("#150[a", 1, 201)]
    [InlineData("#150*a ", 1, 301)]
    // Columns are characters of the line: Markdig's own count a tab to its tab stop (found by the fuzzer).
    [InlineData("a\tb #150[a", 1, 205)]
    [InlineData("x\n\t#150[a", 2, 202)]
    public void The_error_points_where_the_nesting_crosses_the_limit(string spec, int line, int column)
    {
        Assert.Equal((line, column), TooDeepAt(Expand(spec)));
    }

    [Fact]
    public void A_list_nested_too_deep_points_at_the_item_past_the_limit()
    {
        string list = string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', 2 * i) + "- a\n"));
        // A list and its item are a level each: the 51st list, at column 101 of line 51, is the 101st level.
        Assert.Equal((51, 101), TooDeepAt(list));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted_and_renders()
    {
        string quotes = new string('>', MarkdownNesting.MaxDepth - 1) + " deep";
        Assert.Null(TooDeepAt(quotes));
        Assert.Contains("<p>deep</p>", Markdig.Markdown.ToHtml(quotes, MarkdownPipelineFactory.Default));
    }

    [Theory]
    [InlineData(">", 2_000_000)]
    [InlineData("- ", 1_000_000)]
    [InlineData("[", 2_000_000)]
    [InlineData("![", 1_000_000)]
    [InlineData("[[", 1_000_000)]
    [InlineData("*a ", 500_000)]
    [InlineData("> - ", 500_000)]
    public void Any_depth_is_an_error_not_an_exception(string unit, int count)
    {
        Assert.NotNull(TooDeepAt(Repeat(unit, count) + "a\n"));
    }

    [Fact]
    public void Emphasis_nested_a_million_deep_is_walked_without_recursion()
    {
        // Markdig builds this tree a million levels deep without complaint; only the walk decides.
        string text = new string('*', 2_000_000) + "a" + new string('*', 2_000_000);
        var document = Markdig.Markdown.Parse(text, MarkdownPipelineFactory.Default);
        var deep = MarkdownNesting.FirstTooDeep(document);
        Assert.NotNull(deep);
        Assert.Equal(0, deep.Line);
    }

    [Fact]
    public void Ordinary_nesting_is_not_reported()
    {
        const string page = "> quote\n> - a list *with **strong** emphasis* and [a link](x.md)\n>   1. nested\n>      > again\n";
        Assert.Null(TooDeepAt(page));
    }

    // "#N text" repeats text N times.
    private static string Expand(string spec)
    {
        int hash = spec.IndexOf('#');
        if (hash < 0) return spec;
        int digits = hash + 1;
        while (digits < spec.Length && char.IsAsciiDigit(spec[digits])) digits++;
        int n = int.Parse(spec[(hash + 1)..digits]);
        return spec[..hash] + Repeat(spec[digits..], n) + "\n";
    }
}
