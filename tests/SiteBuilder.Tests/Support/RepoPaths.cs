namespace SiteBuilder.Tests.Support;

/// <summary>Finds the repository root (the folder holding SiteBuilder.sln) from the test's folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}
