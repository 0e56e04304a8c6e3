using System.Text;
using SiteBuilder.Search;

namespace SiteBuilder.Tests.Search;

/// <summary>The script form of the index is escaped the same however the JSON arrives in pieces.</summary>
public class JsStringStreamTests
{
    private const string Text = "a'b\\c\nd\re\u2028f\u2029g\u2027h — é 𝄞 \u2028";

    private static string Escaped(IEnumerable<byte[]> pieces)
    {
        var output = new MemoryStream();
        using (var stream = new JsStringStream(output))
            foreach (var piece in pieces) stream.Write(piece);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Escapes_quotes_backslashes_line_ends_and_line_separators_only()
    {
        Assert.Equal("a\\'b\\\\c\\nd\\re\\u2028f\\u2029g\u2027h — é 𝄞 \\u2028", Escaped([Encoding.UTF8.GetBytes(Text)]));
    }

    [Fact]
    public void A_separator_split_between_writes_is_still_escaped()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Text);
        string whole = Escaped([bytes]);
        for (int cut = 0; cut <= bytes.Length; cut++)
            Assert.Equal(whole, Escaped([bytes[..cut], bytes[cut..]]));
        Assert.Equal(whole, Escaped(bytes.Select(b => new[] { b })));
    }
}
