using System.Text;
using SiteBuilder.Output;

namespace SiteBuilder.Tests.Output;

public sealed class StoredFileTests
{
    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    // Compressed (a search file over 1 KiB), kept as it is (a stylesheet; a file under 1 KiB).
    [InlineData("search/terms/0.js", 4000)]
    [InlineData("style.css", 4000)]
    [InlineData("search/manifest.js", 100)]
    public void Same_content_compares_the_files_as_kept_and_tells_one_changed_byte(string path, int length)
    {
        var content = Text(string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 7))));
        var changed = (byte[])content.Clone();
        changed[length / 2] = (byte)'z';

        var file = StoredFile.Of(path, content);
        Assert.True(file.SameContent(StoredFile.Of(path, (byte[])content.Clone())));
        Assert.False(file.SameContent(StoredFile.Of(path, changed)));
        Assert.False(file.SameContent(StoredFile.Of(path, content[..^1])));
        Assert.Equal(content, file.Content);
    }
}
