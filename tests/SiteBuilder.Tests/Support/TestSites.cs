using SiteBuilder.Build;
using SiteBuilder.Build.Steps;

namespace SiteBuilder.Tests.Support;

/// <summary>Finds the repository and fixture folders, and writes inline sites (Hugo-style <c>-- path --</c> blocks) to temp folders.</summary>
public static class TestSites
{
    /// <summary>The repository root (the folder holding SiteBuilder.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A fixture folder under <c>tests/fixtures/</c>.</summary>
    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "fixtures", name);

    // Every temp folder of this test run lives under one folder, deleted when the run ends.
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        string dir = Directory.CreateTempSubdirectory("sitebuilder-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    });

    /// <summary>A new empty temp folder (deleted with the others when the test run ends).</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(RunFolder.Value, "sb-wiki-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a site given as <c>-- path --</c> blocks into a new temp folder and returns it.</summary>
    public static string Write(string blocks)
    {
        string dir = TempDir();
        string? path = null;
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            if (path is null) return;
            string full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ToString());
            text.Clear();
        }
        foreach (string line in blocks.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush();
                path = line[3..^3].Trim();
                continue;
            }
            if (path is not null) text.Append(line).Append('\n');
        }
        Flush();
        return dir;
    }

    /// <summary>
    /// The steps up to rendering (no layouts, nothing written): fast, for link and tree tests. ReportOrphans too, which
    /// comes after ApplyLayouts (the preview shows an edit first) but needs only the links.
    /// </summary>
    public static IReadOnlyList<IBuildStep> ContentSteps()
    {
        var steps = SiteGenerator.DefaultSteps();
        return steps.TakeWhile(s => s is not LoadLayouts).Concat(steps.OfType<ReportOrphans>()).ToList();
    }

    /// <summary>Runs the content steps over a source folder.</summary>
    public static BuildContext RunContent(string sourceDir) =>
        new SiteGenerator(ContentSteps()).Run(new BuildOptions { SourceDir = sourceDir, DryRun = true }).Context;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteBuilder.sln not found above the test folder");
    }
}
