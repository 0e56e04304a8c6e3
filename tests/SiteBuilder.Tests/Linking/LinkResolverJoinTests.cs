using SiteBuilder.Linking;

namespace SiteBuilder.Tests.Linking;

/// <summary>Joining a link onto its page's folder: <c>.</c>, <c>..</c>, empty segments, a trailing slash, and climbing out.</summary>
public class LinkResolverJoinTests
{
    [Theory]
    [InlineData("", "a.md", "a.md")]
    [InlineData("dimis", "about.md", "dimis/about.md")]
    [InlineData("dimis/entries", "../about.md", "dimis/about.md")]
    [InlineData("dimis/entries", "../../index.md", "index.md")]
    [InlineData("dimis", "./x/./y.md", "dimis/x/y.md")]
    [InlineData("dimis", "x//y/", "dimis/x/y/")]
    [InlineData("dimis", "../", "")]
    [InlineData("a/b", "../c/", "a/c/")]
    public void Joins_segments(string baseDir, string relative, string expected) =>
        Assert.Equal(expected, LinkResolver.Join(baseDir, relative));

    [Theory]
    [InlineData("", "../a.md")]
    [InlineData("dimis", "../../a.md")]
    public void Climbing_out_of_pages_is_null(string baseDir, string relative) => Assert.Null(LinkResolver.Join(baseDir, relative));

    [Fact]
    public void Agrees_with_a_plain_segment_list_on_random_paths()
    {
        var random = new Random(7);
        string[] parts = ["a", "bb", ".", "..", "", "c.md", "é"];
        for (int i = 0; i < 20_000; i++)
        {
            string baseDir = string.Join('/', Enumerable.Range(0, random.Next(4)).Select(_ => parts[random.Next(2)]));
            string relative = string.Join('/', Enumerable.Range(0, 1 + random.Next(5)).Select(_ => parts[random.Next(parts.Length)]));
            Assert.Equal(Reference(baseDir, relative), LinkResolver.Join(baseDir, relative));
        }
    }

    // The definition: a list of segments, "." skipped, ".." pops (null when nothing is left to pop).
    private static string? Reference(string baseDir, string relative)
    {
        var segments = new List<string>(baseDir.Length == 0 ? [] : baseDir.Split('/'));
        foreach (string part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (segments.Count == 0) return null;
                segments.RemoveAt(segments.Count - 1);
            }
            else segments.Add(part);
        }
        string joined = string.Join('/', segments);
        return relative.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }
}
