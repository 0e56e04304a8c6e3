using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Markdown;

/// <summary>Markdown tables are written inside a focusable box that scrolls sideways when the table is wider than the screen.</summary>
public sealed class ScrollableTableTests
{
    [Fact]
    public void Pipe_and_grid_tables_are_each_wrapped_once_and_other_blocks_are_not()
    {
        var context = TestSites.RunContent(TestSites.Write("""
            -- pages/index.md --
            ---
            title: Home
            ---
            | A | B |
            |---|---|
            | 1 | 2 |

            +---+---+
            | C | D |
            +===+===+
            | 3 | 4 |
            +---+---+

            Text.
            """));
        Assert.Empty(context.Diagnostics.ToSortedList());
        string html = context.Pages.Single(p => p.Url == "").ContentHtml;
        Assert.Equal(2, html.Split("<div class=\"table-scroll\" tabindex=\"0\">\n<table>").Length - 1);
        Assert.Equal(2, html.Split("</table>\n</div>\n").Length - 1);
        Assert.Contains("<td>1</td>", html);
        Assert.Contains("<td>4</td>", html);
        Assert.EndsWith("</div>\n<p>Text.</p>\n", html);
    }
}
