using System.Diagnostics;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Finds each page's last change date with one <c>git log</c> pass. In a shallow clone, a file whose
/// newest visible commit is a shallow boundary may be older than it looks, so its date is omitted
/// rather than guessed. Without git, or outside a repository, no dates are shown.
/// </summary>
public sealed class ReadGitHistory : IBuildStep
{
    /// <inheritdoc/>
    public string Name => nameof(ReadGitHistory);

    /// <inheritdoc/>
    public IReadOnlyList<Product> Reads { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<Product> Produces { get; } = [BuildProducts.GitHistory];

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        string? top = Git(context.SourceDir, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(top)) return;
        string? gitDir = Git(context.SourceDir, "rev-parse", "--absolute-git-dir")?.Trim();
        var boundaries = new HashSet<string>(StringComparer.Ordinal);
        if (gitDir is not null && File.Exists(Path.Combine(gitDir, "shallow")))
            boundaries.UnionWith(File.ReadAllLines(Path.Combine(gitDir, "shallow")).Select(l => l.Trim()).Where(l => l.Length > 0));

        string? log = Git(context.SourceDir, "log", "--format=@@%H %cI", "--name-only", "--no-renames", "--", "pages");
        if (log is null) return;
        var lastUpdated = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Paths from git are relative to the repository top; pages are relative to the source folder.
        string prefix = Path.GetRelativePath(top, context.SourceDir).Replace('\\', '/');
        prefix = prefix == "." ? "" : prefix + "/";
        string commit = "", date = "";
        foreach (string raw in log.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                int space = line.IndexOf(' ');
                commit = line[2..space];
                date = line[(space + 1)..];
                continue;
            }
            if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string path = line[prefix.Length..];
            if (!seen.Add(path)) continue;
            // Newest commit first: the first time a path appears is its last change.
            if (!boundaries.Contains(commit) && date.Length >= 10) lastUpdated[path] = date[..10];
        }
        context.Set(BuildProducts.GitHistory, new GitHistory(lastUpdated, seen));
    }

    private static string? Git(string dir, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi);
            if (process is null) return null;
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
