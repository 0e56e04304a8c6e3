using SiteBuilder.Output;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Output;

/// <summary>Files go to a staging folder as they come; only a commit makes them the site, anything else leaves the old one.</summary>
public class StagingOutputTests
{
    private static string Root() => TestSites.TempDir();

    private static Dictionary<string, string> Read(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    [Fact]
    public void Commit_replaces_the_output_with_exactly_the_added_files()
    {
        string out_ = Path.Combine(Root(), "_site");
        Directory.CreateDirectory(Path.Combine(out_, "old"));
        File.WriteAllText(Path.Combine(out_, "old", "index.html"), "old");
        using (var staging = new StagingOutput(out_))
        {
            Assert.True(staging.TryAdd("index.html", "home — é"));
            Assert.True(staging.TryAdd("a/b/index.html", [1, 2, 3]));
            using (var stream = staging.Create("search/index.json")!) stream.Write("{}"u8);
            Assert.False(staging.TryAdd("index.html", "again"));
            Assert.Null(staging.Create("a/b/index.html"));
            Assert.True(staging.Contains("search/index.json"));
            Assert.Equal(3, staging.Commit());
        }
        var files = Read(out_);
        // The marker that lets a later build replace the folder (OutputLocation) comes with every staged site.
        Assert.Equal([".sitebuilder-output", "a/b/index.html", "index.html", "search/index.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("home — é", files["index.html"]);
        Assert.Equal("{}", files["search/index.json"]);
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(out_)!, ".*"));
    }

    [Fact]
    public void Without_a_commit_the_staging_folder_goes_and_the_previous_site_stays()
    {
        string out_ = Path.Combine(Root(), "_site");
        Directory.CreateDirectory(out_);
        File.WriteAllText(Path.Combine(out_, "index.html"), "previous");
        using (var staging = new StagingOutput(out_)) staging.TryAdd("index.html", "new");
        Assert.Equal("previous", File.ReadAllText(Path.Combine(out_, "index.html")));
        Assert.Equal([out_], Directory.EnumerateDirectories(Path.GetDirectoryName(out_)!));
    }

    [Fact]
    public void A_write_that_fails_is_remembered_and_the_commit_refuses_keeping_the_previous_site()
    {
        string out_ = Path.Combine(Root(), "_site");
        Directory.CreateDirectory(out_);
        File.WriteAllText(Path.Combine(out_, "index.html"), "previous");
        using var staging = new StagingOutput(out_);
        // A file where a folder is needed is refused before it is written (a path is a file or a folder, never both).
        Assert.True(staging.TryAdd("a", "a file where a folder is needed next"));
        Assert.False(staging.TryAdd("a/index.html", "refused"));
        Assert.Null(staging.Failure);
        // A write the file system refuses (here something else put a file where the folder goes) is remembered.
        string folder = Assert.Single(Directory.EnumerateDirectories(Path.GetDirectoryName(out_)!, "._site.staging-*"));
        File.WriteAllText(Path.Combine(folder, "b"), "not ours");
        Assert.True(staging.TryAdd("b/index.html", "cannot be written"));
        Assert.NotNull(staging.Failure);
        Assert.Throws<IOException>(() => staging.Commit());
        Assert.Equal("previous", File.ReadAllText(Path.Combine(out_, "index.html")));
    }
    [Fact]
    public void The_previous_site_goes_whole_on_commit_and_its_links_are_removed_not_followed()
    {
        string root = Root();
        string out_ = Path.Combine(root, "_site");
        string outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep");
        // Enough folders two levels down for the old site to be deleted in parallel, and links at both levels.
        for (int i = 0; i < 20; i++)
        {
            Directory.CreateDirectory(Path.Combine(out_, "section", $"page-{i}"));
            File.WriteAllText(Path.Combine(out_, "section", $"page-{i}", "index.html"), "old");
        }
        File.WriteAllText(Path.Combine(out_, "index.html"), "old");
        Directory.CreateSymbolicLink(Path.Combine(out_, "link"), outside);
        Directory.CreateSymbolicLink(Path.Combine(out_, "section", "link"), outside);
        using (var staging = new StagingOutput(out_))
        {
            staging.TryAdd("index.html", "new");
            Assert.Equal(1, staging.Commit());
        }
        Assert.Equal([".sitebuilder-output", "index.html"], Read(out_).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        Assert.Equal([out_, outside], Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal));
    }
}
