using System.Text;
using SiteBuilder.Layouts;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Layouts;

/// <summary>Layouts escape what HTML needs and write all other text as it is, in UTF-8.</summary>
public sealed class LayoutEncodingTests
{
    [Theory]
    [InlineData("Café — über", "Café — über")]
    [InlineData("中文 العربية עברית", "中文 العربية עברית")]
    [InlineData("emoji 😀, a+b, nbsp\u00a0", "emoji 😀, a+b, nbsp\u00a0")]
    [InlineData("<b> & \"q\" 'x'", "&lt;b&gt; &amp; &quot;q&quot; &#x27;x&#x27;")]
    [InlineData("", "")]
    public void OnlyWhatHtmlNeedsIsEscaped(string text, string expected) =>
        Assert.Equal(expected, LayoutHtmlEncoder.Instance.Encode(text));

    [Fact]
    public void TitlesAndAttributesKeepTheirCharacters()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Wiki — Ünïcode
            -- pages/index.md --
            ---
            title: Home
            ---
            -- pages/a.md --
            ---
            title: "Café — über <b> & 'x' 😀"
            description: 'Résumé "quoted"'
            ---
            Body.
            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Lines(result)));
        byte[] bytes = File.ReadAllBytes(Path.Combine(site.Output, "a", "index.html"));
        string html = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);

        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<title>Café — über &lt;b&gt; &amp; &#x27;x&#x27; 😀 — Wiki — Ünïcode</title>", html);
        Assert.Contains("<h1>Café — über &lt;b&gt; &amp; &#x27;x&#x27; 😀</h1>", html);
        Assert.Contains("<meta name=\"description\" content=\"Résumé &quot;quoted&quot;\">", html);
        Assert.DoesNotContain("&#x", html.Replace("&#x27;", ""));
    }
}
