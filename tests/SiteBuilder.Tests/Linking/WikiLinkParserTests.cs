using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Markdown;
using SiteBuilder.Markdown.Extensions.WikiLinks;

namespace SiteBuilder.Tests.Linking;

/// <summary>Each wiki-link form as the Markdig extension parses it, with its exact source position.</summary>
public sealed class WikiLinkParserTests
{
    private static List<WikiLinkInline> Parse(string markdown) =>
        Markdig.Markdown.Parse(markdown, MarkdownPipelineFactory.Default).Descendants<WikiLinkInline>().ToList();

    [Theory]
    [InlineData("[[DIMiS]]", "DIMiS", null, null)]
    [InlineData("[[dimis/about]]", "dimis/about", null, null)]
    [InlineData("[[About DIMiS|the fields]]", "About DIMiS", null, "the fields")]
    [InlineData("[[About DIMiS#Fields used in this mirror]]", "About DIMiS", "Fields used in this mirror", null)]
    [InlineData("[[dimis/about#wider-context|context]]", "dimis/about", "wider-context", "context")]
    [InlineData("[[#Local heading]]", "", "Local heading", null)]
    [InlineData("[[ spaced title ]]", "spaced title", null, null)]
    [InlineData("[[A\\|B]]", "A|B", null, null)]
    public void Each_form_is_one_wiki_link(string markdown, string target, string? fragment, string? label)
    {
        var link = Assert.Single(Parse(markdown));
        Assert.Equal(target, link.Target);
        Assert.Equal(fragment, link.Fragment);
        Assert.Equal(label, link.ExplicitLabel);
    }

    [Fact]
    public void The_position_is_the_first_bracket_and_the_span_covers_both_closing_brackets()
    {
        const string text = "---\ntitle: T\n---\nSee the\nlist: [[dimis/about|about]] now.\n";
        var link = Assert.Single(Parse(text));
        Assert.Equal(4, link.Line);   // 0-based: the fifth line
        Assert.Equal(6, link.Column); // 0-based: after "list: "
        Assert.Equal("[[dimis/about|about]]", text[link.Span.Start..(link.Span.End + 1)]);
    }

    [Theory]
    [InlineData("[[]]")]
    [InlineData("[[|label]]")]
    [InlineData("[[one\ntwo]]")]
    [InlineData("`[[code]]`")]
    [InlineData("[[unclosed]")]
    [InlineData("[[a [b] c]]")]
    public void Not_wiki_links(string markdown) => Assert.Empty(Parse(markdown));

    [Fact]
    public void Ordinary_links_and_reference_brackets_are_untouched()
    {
        var doc = Markdig.Markdown.Parse("[a](b.md) and [x] and [[w]]", MarkdownPipelineFactory.Default);
        var links = doc.Descendants<LinkInline>().ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal("b.md", links[0].Url);
        Assert.IsType<WikiLinkInline>(links[1]);
    }

    [Fact]
    public void A_wiki_link_in_a_table_cell_keeps_its_pipe()
    {
        var doc = Markdig.Markdown.Parse("| A | B |\n|---|---|\n| x | [[T|label]] |\n", MarkdownPipelineFactory.Default);
        var link = Assert.Single(doc.Descendants<WikiLinkInline>());
        Assert.Equal("label", link.ExplicitLabel);
        Assert.Equal(2, doc.Descendants<Markdig.Extensions.Tables.TableRow>().Last().Count);
    }
}
