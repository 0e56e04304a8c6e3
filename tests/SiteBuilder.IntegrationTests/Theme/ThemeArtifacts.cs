using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>
/// Where the theme tests leave what a reviewer looks at (screenshots, a printed page): <c>SITEBUILDER_TEST_ARTIFACTS</c>
/// when set (CI points it into its test results), else <c>TestResults/theme/</c> in the repository (git-ignored).
/// </summary>
public static class ThemeArtifacts
{
    private static readonly Lazy<string> Created = new(() =>
    {
        string folder = Environment.GetEnvironmentVariable("SITEBUILDER_TEST_ARTIFACTS") is { Length: > 0 } set
            ? Path.Combine(set, "theme")
            : Path.Combine(BuiltSite.RepoRoot, "TestResults", "theme");
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>The folder, created on first use.</summary>
    public static string Folder => Created.Value;
}
