namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>Copies the repository's site (pages/, layouts/, site.yml) or a fixture to a temp folder, so builds never write into the repository.</summary>
public static class RepositoryCopy
{
    /// <summary>The repository root (the folder holding SiteBuilder.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A temp copy of the real site.</summary>
    public static string Create()
    {
        string dir = NewTemp();
        foreach (string folder in new[] { "pages", "layouts", "seeds" }) Copy(Path.Combine(Root, folder), Path.Combine(dir, folder));
        File.Copy(Path.Combine(Root, "site.yml"), Path.Combine(dir, "site.yml"));
        return dir;
    }

    /// <summary>A temp copy of <c>tests/fixtures/NAME</c>.</summary>
    public static string Fixture(string name)
    {
        string dir = NewTemp();
        Copy(Path.Combine(Root, "tests", "fixtures", name), dir);
        return dir;
    }

    // Every copy of this test run lives under one folder, deleted when the run ends.
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        string dir = Directory.CreateTempSubdirectory("sitebuilder-it-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    });

    private static string NewTemp()
    {
        string dir = Path.Combine(RunFolder.Value, "sb-wiki-it-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteBuilder.sln not found above the test folder");
    }
}
