using System.Text.RegularExpressions;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>The footer says what the site's own <c>footer:</c> says, and nothing of another site (no "mirror").</summary>
public sealed class FooterTests
{
    private static string Footer(string html) => Regex.Match(html, "<footer[^>]*>.*?</footer>", RegexOptions.Singleline).Value;

    [Fact]
    public void TheFooterLineIsSiteYmlsFooterEscapedOnEveryPage()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Team notes
            footer: "Written by <the team> & friends — corrections welcome"
            -- pages/index.md --
            ---
            title: Home
            ---
            -- pages/a.md --
            ---
            title: A
            ---
            Body.
            """);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        foreach (string page in new[] { "index.html", "a/index.html", "404.html" })
        {
            string footer = Footer(site.ReadOutput(page));
            Assert.Equal("""
                <footer class="site-footer">
                  <p>Written by &lt;the team&gt; &amp; friends — corrections welcome</p>
                </footer>
                """.ReplaceLineEndings("\n"), footer.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void WithoutFooterNorRepositoryThereIsNoFooterAndNoWordOfAMirror()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Team notes
            footer: "   "
            -- pages/index.md --
            ---
            title: Home
            ---
            """);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        string html = site.ReadOutput("index.html");
        Assert.DoesNotContain("<footer", html);
        Assert.DoesNotContain("mirror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ARepositoryWithoutFooterKeepsOnlyTheRepositoryLink()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            repository: https://example.test/team/notes/
            -- pages/index.md --
            ---
            title: Home
            ---
            """);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        Assert.Equal("""
            <footer class="site-footer">
              <p><a href="https://example.test/team/notes">Source repository</a></p>
            </footer>
            """.ReplaceLineEndings("\n"), Footer(site.ReadOutput("index.html")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFooterThatIsNotTextIsSB0002AtItsValue()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Team notes
            footer: [a, b]
            -- pages/index.md --
            ---
            title: Home
            ---
            """);
        var result = site.Build();
        Assert.Contains(TestSite.Lines(result), l => l.StartsWith("site.yml:2:9: error SB0002: ", StringComparison.Ordinal));
    }
}
