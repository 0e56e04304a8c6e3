using System.Diagnostics;

namespace SiteBuilder.LinkCheck.Git;

/// <summary>
/// The files changed since a git ref: <c>git diff --name-only REF...HEAD</c> (what the branch
/// changed), plus uncommitted and untracked files, relative to the source folder.
/// </summary>
public static class ChangedFiles
{
    /// <summary>Paths relative to <paramref name="directory"/>, with <c>/</c>.</summary>
    /// <exception cref="GitException">git is missing, the folder is not a repository, or the ref is unknown.</exception>
    public static async Task<IReadOnlySet<string>> SinceAsync(string directory, string gitRef, CancellationToken cancellationToken = default)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        // --relative: paths relative to the source folder, as the source map writes them.
        foreach (var args in new[]
        {
            new[] { "diff", "--name-only", "--relative", "--no-renames", $"{gitRef}...HEAD", "--" },
            ["diff", "--name-only", "--relative", "--no-renames", "HEAD", "--"],
            ["ls-files", "--others", "--exclude-standard"],
        })
        {
            foreach (var line in await RunAsync(directory, args, cancellationToken).ConfigureAwait(false))
                files.Add(line.Replace('\\', '/'));
        }
        return files;
    }

    private static async Task<IReadOnlyList<string>> RunAsync(string directory, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("could not start git");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new GitException($"could not run git: {ex.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
                throw new GitException($"git {string.Join(' ', args)} failed: {(await stderr.ConfigureAwait(false)).Trim()}");
            return (await stdout.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
