using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SiteBuilder.Build;

namespace SiteBuilder.Tests.Support;

/// <summary>
/// The repository's real site (pages/, layouts/, site.yml), copied to a temp folder and built once
/// with the default steps, for the tests that check the published output.
/// </summary>
public sealed class RealSiteBuild
{
    /// <summary>Builds the site.</summary>
    public RealSiteBuild()
    {
        string source = TestSites.TempDir();
        foreach (string folder in new[] { "pages", "layouts", "seeds" }) CopyFolder(Path.Combine(TestSites.RepositoryRoot, folder), Path.Combine(source, folder));
        File.Copy(Path.Combine(TestSites.RepositoryRoot, "site.yml"), Path.Combine(source, "site.yml"));
        Output = Path.Combine(source, "_site");
        (Result, Context) = new SiteGenerator().Run(new BuildOptions { SourceDir = source, OutputDir = Output });
    }

    /// <summary>The build result.</summary>
    public BuildResult Result { get; }
    /// <summary>The build context (pages, tree, statswiki map).</summary>
    public BuildContext Context { get; }
    /// <summary>The output folder.</summary>
    public string Output { get; }

    private readonly Dictionary<string, IHtmlDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>The parsed HTML of an output file (site-relative path).</summary>
    public IHtmlDocument Html(string path)
    {
        lock (_documents)
        {
            if (!_documents.TryGetValue(path, out var doc))
                _documents[path] = doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, path)));
            return doc;
        }
    }

    /// <summary>Every HTML file of the output, site-relative with '/'.</summary>
    public IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    /// <summary>The site-relative URL an href on the page at <paramref name="pageUrl"/> leads to, without query and fragment; null if external.</summary>
    public static string? Target(string pageUrl, string href)
    {
        if (href.StartsWith('#')) return pageUrl;
        var resolved = new Uri(new Uri("http://site.invalid/" + pageUrl), href);
        if (resolved.Host != "site.invalid") return null;
        return Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>Tests that share one build of the real site.</summary>
[CollectionDefinition(Name)]
public sealed class RealSiteCollection : ICollectionFixture<RealSiteBuild>
{
    /// <summary>The collection name.</summary>
    public const string Name = "real site";
}
