using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Linking;

/// <summary>Heading ids are GitHub-style and stable; old anchors and generated pages' headings are link targets.</summary>
public sealed class AnchorStabilityTests
{
    [Fact]
    public void Heading_ids_follow_GitHub_style_and_repeat_with_a_suffix()
    {
        var context = TestSites.RunContent(TestSites.Write("""
            -- pages/index.md --
            ---
            title: Home
            ---
            ## Where it comes from
            ## Terms of reference 2022–2027 (ECE/CES)
            ## Notes
            ## Notes
            """));
        Assert.Equal(["where-it-comes-from", "terms-of-reference-20222027-ececes", "notes", "notes-1"],
            context.Pages.Single().Headings.Select(h => h.Id));
    }

    [Fact]
    public void Links_may_target_the_headings_of_generated_index_pages()
    {
        var context = TestSites.RunContent(TestSites.Write("""
            -- site.yml --
            sections:
              things:
                index_by: [colour]
                schema:
                  fields:
                    colour: { type: string }
            -- pages/index.md --
            ---
            title: Home
            ---
            [Red things](things/by-colour/#red), [[things/by-colour#Red]], [broken](things/by-colour/#blue).
            -- pages/things/index.md --
            ---
            title: Things
            ---
            -- pages/things/apple.md --
            ---
            title: Apple
            colour: red
            ---
            """));
        var error = Assert.Single(context.Diagnostics.ToSortedList());
        Assert.Equal("pages/index.md:4:64: error SB1002", $"{error.Location}: error {error.Code}");
        string html = context.Pages.Single(p => p.Url == "").ContentHtml;
        Assert.Contains("<a href=\"things/by-colour/#red\">Red things</a>", html);
        Assert.Contains("<a href=\"things/by-colour/#red\">Entries by colour § red</a>", html);
    }
}
