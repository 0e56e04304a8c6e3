using SiteBuilder.Build;

namespace SiteBuilder.IntegrationTests.Support;

/// <summary>The repository's real site, built once into a temporary folder for the browser tests.</summary>
public sealed class BuiltSite : IDisposable
{
    private static readonly object BuildLock = new();

    /// <summary>Builds the repository's site.</summary>
    public BuiltSite()
    {
        Output = Directory.CreateTempSubdirectory("sitebuilder-site-").FullName;
        BuildResult result;
        // One build at a time: every build of the repository writes its state under the source's .sitebuilder/, and
        // test classes that each build the site run in parallel.
        lock (BuildLock) result = new SiteGenerator().Build(new BuildOptions { SourceDir = RepoRoot, OutputDir = Output });
        if (!result.Succeeded)
            throw new InvalidOperationException("the repository's site does not build:\n" +
                                                string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
    }

    /// <summary>The built site.</summary>
    public string Output { get; }

    /// <summary>The repository root (the folder holding SiteBuilder.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteBuilder.sln not found above " + AppContext.BaseDirectory);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Output, recursive: true); } catch (IOException) { }
    }
}
