using SiteBuilder.Diagnostics;
using SiteBuilder.Safety;

namespace SiteBuilder.Tests.Safety;

/// <summary>The read side of the containment rule, entry by entry.</summary>
public sealed class SourceTreeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sitebuilder-tree-").FullName;

    [Fact]
    public void ADeviceInsideTheTreeIsUnsafeAndNeverRead()
    {
        // /dev itself as the source folder: its entries are inside it, so only their type can keep them out.
        var dev = new SourceTree("/dev");
        var zero = dev.Check("zero");
        Assert.Equal(SourceEntryKind.Unsafe, zero.Kind);
        Assert.Equal("a device, not a regular file", zero.Problem);
        Assert.False(dev.TryRead("zero", 1 << 20, out var bytes, out var problem));
        Assert.Empty(bytes);
        Assert.Equal(DiagnosticCodes.UnsafeSourceEntry, problem.Code);
    }

    [Fact]
    public void RegularFilesInsideAreRead_ClimbingPathsAreNot()
    {
        File.WriteAllText(Path.Combine(_root, "a.txt"), "hello");
        var tree = new SourceTree(_root);
        Assert.True(tree.TryRead("a.txt", 100, out var bytes, out _));
        Assert.Equal("hello"u8.ToArray(), bytes);
        foreach (string bad in new[] { "../a.txt", "/etc/passwd", "x/../../a.txt", "a\\b", "", "./a.txt" })
            Assert.Equal(SourceEntryKind.Unsafe, tree.Check(bad).Kind);
        Assert.False(tree.TryRead("a.txt", 4, out _, out var tooLarge));
        Assert.Equal(DiagnosticCodes.FileTooLarge, tooLarge.Code);
        Assert.Equal(SourceEntryKind.Missing, tree.Check("missing.txt").Kind);
    }

    [Fact]
    public void LinksAreFollowedOnlyWhileTheyStayInside()
    {
        Directory.CreateDirectory(Path.Combine(_root, "pages", "sub"));
        File.WriteAllText(Path.Combine(_root, "pages", "sub", "real.md"), "x");
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "inside.md"), "sub/real.md");
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "outside.md"), "/etc/hostname");
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "climb.md"), "../../../../../../etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(_root, "pages", "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "l1"), "l2");
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "l2"), "l1");
        var bag = new DiagnosticBag();
        var files = new SourceTree(_root).Files("pages", bag);
        Assert.Equal(["inside.md", "sub/real.md"], files);
        Assert.Equal(
            ["pages/climb.md:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder",
             "pages/l1:1:1: warning SB0110: skipped: a symbolic link loop",
             "pages/l2:1:1: warning SB0110: skipped: a symbolic link loop",
             "pages/outside.md:1:1: warning SB0110: skipped: a symbolic link that leads outside the source folder",
             "pages/sub/up:1:1: warning SB0110: skipped: this folder is reached a second time through a symbolic link (a loop or a duplicate)"],
            bag.ToSortedList().Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("guide/index.html", null)]
    [InlineData("a b/é.html", null)]
    [InlineData("../x/index.html", "the path has a '..' part")]
    [InlineData("a/./b", "the path has a '.' part")]
    [InlineData("/etc/passwd", "the path is absolute")]
    [InlineData("a//b", "the path has an empty part ('//')")]
    [InlineData("a\\..\\b", "the path has a backslash")]
    [InlineData("a\u0000b", "the path has a control character")]
    [InlineData("", "the path is empty")]
    public void OutputPathsMustStayInsideTheOutput(string path, string? problem) =>
        Assert.Equal(problem, OutputPaths.Problem(path));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
