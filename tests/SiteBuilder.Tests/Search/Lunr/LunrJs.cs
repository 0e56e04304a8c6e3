using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>
/// Runs the real lunr.js 2.3.9 (npm, from the repository's lock file) through <c>tests/lunr-harness/lunr-harness.js</c>.
/// Installs it with <c>npm ci</c> once when <c>node_modules/lunr</c> is missing; fails, never skips, without Node.js.
/// </summary>
public static class LunrJs
{
    private static readonly object Gate = new();
    private static bool s_ready;

    /// <summary>The repository root (the folder holding package.json and SiteBuilder.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (SiteBuilder.sln with package.json) above " + AppContext.BaseDirectory);
    }

    /// <summary>Makes sure node_modules/lunr is installed, running <c>npm ci</c> once if not.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (s_ready) return;
            if (!File.Exists(Path.Combine(RepoRoot, "node_modules", "lunr", "lunr.js")))
            {
                var (code, _, err) = Exec("npm", new[] { "ci", "--no-audit", "--no-fund" }, RepoRoot);
                if (code != 0 || !File.Exists(Path.Combine(RepoRoot, "node_modules", "lunr", "lunr.js")))
                    throw new InvalidOperationException($"lunr.js is not installed and 'npm ci' failed (exit {code}). Install Node.js and npm, then run 'npm ci' in {RepoRoot}.\n{err}");
            }
            s_ready = true;
        }
    }

    /// <summary>Runs a harness command on a JSON input and returns the raw output file.</summary>
    public static byte[] Run(string command, params object[] inputs)
    {
        EnsureInstalled();
        var dir = Directory.CreateTempSubdirectory("lunrjs-");
        try
        {
            var args = new List<string> { Path.Combine(RepoRoot, "tests", "lunr-harness", "lunr-harness.js"), command };
            for (var i = 0; i < inputs.Length; i++)
            {
                var path = Path.Combine(dir.FullName, $"in{i}.json");
                if (inputs[i] is byte[] bytes) File.WriteAllBytes(path, bytes);
                else File.WriteAllText(path, JsonSerializer.Serialize(inputs[i]), new UTF8Encoding(false));
                args.Add(path);
            }
            var output = Path.Combine(dir.FullName, "out.json");
            args.Add(output);
            var (code, _, err) = Exec("node", args, RepoRoot);
            if (code != 0) throw new InvalidOperationException($"node lunr-harness.js {command} failed with exit code {code}:\n{err}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs a harness command and deserializes its JSON output.</summary>
    public static T Run<T>(string command, params object[] inputs) => JsonSerializer.Deserialize<T>(Run(command, inputs))!;

    /// <summary>Runs a process to completion, capturing its output.</summary>
    public static (int Code, string Out, string Err) Exec(string file, IEnumerable<string> args, string workDir)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' could not be started ({ex.Message}). These tests run the real lunr.js: install Node.js and npm, then run 'npm ci' in the repository root.", ex);
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
