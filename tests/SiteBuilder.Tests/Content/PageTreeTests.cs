using SiteBuilder.Content;

namespace SiteBuilder.Tests.Content;

public sealed class PageTreeTests
{
    private static Page P(string path, string title, int weight = 0) =>
        new(path) { FrontMatter = new FrontMatter { Title = title, Weight = weight } };

    [Fact]
    public void ParentsChildrenAndOrderByWeightThenTitle()
    {
        var home = P("index.md", "Home");
        var section = P("migration/index.md", "Migration");
        var zeta = P("migration/zeta.md", "Zeta");
        var alpha = P("migration/alpha.md", "alpha");
        var heavy = P("migration/heavy.md", "Aardvark", weight: 10);
        var first = P("migration/first.md", "Zulu", weight: -1);
        var tree = PageTree.Build([zeta, home, heavy, section, alpha, first]);

        Assert.Same(home, tree.Root);
        Assert.Same(home, section.Parent);
        Assert.Equal(["Zulu", "alpha", "Zeta", "Aardvark"], section.Children.Select(c => c.Title));
        Assert.All(section.Children, c => Assert.Same(section, c.Parent));
        Assert.Equal([home, section], alpha.Ancestors);
        Assert.Same(alpha, tree.ByUrl("migration/alpha/"));
    }

    [Fact]
    public void FolderWithoutIndexAttachesToTheNearestAncestor()
    {
        var home = P("index.md", "Home");
        var deep = P("a/b/c.md", "C");
        var tree = PageTree.Build([home, deep]);
        Assert.Same(home, deep.Parent);
        Assert.Equal(["C"], tree.Root!.Children.Select(c => c.Title));
    }
}
