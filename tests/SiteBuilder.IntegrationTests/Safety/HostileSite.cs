using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SiteBuilder.Build;

namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>
/// One hostile-input case: a site that builds, then a hostile change, then the real <c>sitebuilder</c> executable run
/// on it, and the checks every case owes the user: the exit code, the diagnostic at its <c>path:line:col</c>, no stack
/// trace, no hang, the previous output unchanged when the build fails, the source unchanged, nothing written anywhere
/// else in the sandbox (the site sits deep inside it, with a sentinel folder beside it, so a path that climbs out of
/// the output lands in the sandbox and is seen), and no staging folder left behind.
/// </summary>
/// <remarks>Write the site inline, Hugo-style: <c>-- path --</c> lines start each file.</remarks>
public sealed class HostileSite : IDisposable
{
    /// <summary>How deep the site sits in the sandbox: a path climbing fewer levels than this stays inside it.</summary>
    public const int Depth = 10;

    private const string SentinelText = "sentinel: nothing may change me\n";
    private const string DefaultSite = """
        -- site.yml --
        title: Hostile test site
        base_url: https://hostile.test/
        -- pages/index.md --
        ---
        title: Home
        ---
        The home page links [the guide](guide/index.md).
        -- pages/guide/index.md --
        ---
        title: Guide
        ---
        A guide.
        """;

    private Dictionary<string, string>? _sourceBefore;
    private Dictionary<string, string>? _outputBefore;
    private Dictionary<string, string>? _sandboxBefore;

    private HostileSite(string sandbox, string root)
    {
        Sandbox = sandbox;
        Root = root;
    }

    /// <summary>The folder everything lives in; deleted with the object.</summary>
    public string Sandbox { get; }
    /// <summary>The site's source folder (holds <c>pages/</c>, <c>layouts/</c>, <c>site.yml</c>).</summary>
    public string Root { get; }
    /// <summary>The default output folder, <c>Root/_site</c>.</summary>
    public string Output => Path.Combine(Root, "_site");
    /// <summary>A folder beside the site that no build may touch.</summary>
    public string Sentinel => Path.Combine(Sandbox, "sentinel");

    /// <summary>
    /// Writes <paramref name="spec"/> (default: a small two-page site) and builds it in-process into
    /// <see cref="Output"/>, which must succeed: that is the previous output every failing case must leave as it was.
    /// </summary>
    public static HostileSite Create(string? spec = null, bool build = true)
    {
        string sandbox = Directory.CreateTempSubdirectory("sitebuilder-hostile-").FullName;
        string root = sandbox;
        for (int i = 0; i < Depth; i++) root = Path.Combine(root, "d" + i);
        var site = new HostileSite(sandbox, root);
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(site.Sentinel);
        File.WriteAllText(Path.Combine(site.Sentinel, "keep.txt"), SentinelText);
        site.Write(spec ?? DefaultSite);
        if (build)
        {
            var result = new SiteGenerator().Build(new BuildOptions { SourceDir = root });
            if (!result.Succeeded)
                throw new InvalidOperationException("the starting site of a hostile case must build:\n" +
                                                    string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        }
        return site;
    }

    /// <summary>Adds or replaces files of the site (paths relative to <see cref="Root"/>).</summary>
    public HostileSite Write(string spec)
    {
        string? path = null;
        var content = new StringBuilder();
        foreach (string line in spec.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush(path, content);
                path = line[3..^3].Trim();
                content.Clear();
            }
            else if (path is not null) content.Append(line).Append('\n');
        }
        Flush(path, content);
        return this;
    }

    /// <summary>Writes raw bytes to a file of the site.</summary>
    public HostileSite WriteBytes(string path, byte[] bytes)
    {
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>Makes <paramref name="path"/> (relative to the site) a symbolic link to <paramref name="target"/> (as written).</summary>
    public HostileSite Symlink(string path, string target)
    {
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Makes <paramref name="path"/> (relative to the site) a named pipe: opening it to read blocks forever.</summary>
    public HostileSite Fifo(string path)
    {
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [full]) { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("mkfifo failed");
        return this;
    }

    /// <summary>
    /// Runs <c>sitebuilder ARGS</c> in <see cref="Root"/> after taking the snapshots the checks compare with, and
    /// kills it after <paramref name="timeout"/> (a hang fails the case). <c>--source</c> is not added: pass it.
    /// </summary>
    public CliRun Run(string[] args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        _sourceBefore = Snapshot(Root, skip: p => p == Output || Path.GetFileName(p) == ".sitebuilder");
        _outputBefore = Directory.Exists(Output) ? Snapshot(Output) : null;
        _sandboxBefore = Snapshot(Sandbox, skip: p => p == Output || p == Path.Combine(Root, ".sitebuilder"));
        return CliRun.Start(Root, args, environment, timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs <c>sitebuilder build --source ROOT [ARGS]</c>; see <see cref="Run"/>.</summary>
    public CliRun Build(params string[] args) => Run(["build", "--source", Root, .. args]);

    /// <summary>
    /// The checks every case owes: no stack trace; when the run failed, the previous output byte for byte as it was;
    /// the source unchanged; nothing created, changed or deleted elsewhere in the sandbox; no staging folder left.
    /// </summary>
    public void AssertSafe(CliRun run)
    {
        run.AssertNoStackTrace();
        if (run.ExitCode != 0 && _outputBefore is not null)
            AssertSame(_outputBefore, Directory.Exists(Output) ? Snapshot(Output) : [], "the previous output");
        AssertSame(_sourceBefore!, Snapshot(Root, skip: p => p == Output || Path.GetFileName(p) == ".sitebuilder"), "the source folder");
        AssertSame(_sandboxBefore!, Snapshot(Sandbox, skip: p => p == Output || p == Path.Combine(Root, ".sitebuilder")),
            "the sandbox around the site (something was written outside the output)");
        Assert.Equal(SentinelText, File.ReadAllText(Path.Combine(Sentinel, "keep.txt")));
        var leftovers = Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(Output)!)
            .Select(Path.GetFileName).Where(n => n!.Contains(".staging-") || n.Contains(".old-")).ToList();
        Assert.True(leftovers.Count == 0, "staging folders left behind: " + string.Join(", ", leftovers));
    }

    /// <summary>True when no file of the output holds <paramref name="secret"/> (e.g. a line of <c>/etc/passwd</c>).</summary>
    public void AssertOutputDoesNotContain(string secret)
    {
        if (!Directory.Exists(Output)) return;
        foreach (string file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null) Assert.Fail($"the output holds a symbolic link: {file} -> {info.LinkTarget}");
            Assert.DoesNotContain(secret, File.ReadAllText(file));
        }
    }

    private static void AssertSame(Dictionary<string, string> before, Dictionary<string, string> after, string what)
    {
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).Order(StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count + changed.Count == 0) return;
        Assert.Fail($"{what} changed: added [{string.Join(", ", added.Take(10))}], removed [{string.Join(", ", removed.Take(10))}], " +
                    $"changed [{string.Join(", ", changed.Take(10))}]");
    }

    /// <summary>Relative path → a hash of what is there (file bytes, a link's target, or a folder mark), without following links.</summary>
    private static Dictionary<string, string> Snapshot(string root, Func<string, bool>? skip = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(string dir)
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(dir))
            {
                if (skip?.Invoke(entry) == true) continue;
                string rel = Path.GetRelativePath(root, entry);
                var info = new FileInfo(entry);
                if (info.LinkTarget is not null) result[rel] = "link:" + info.LinkTarget;
                else if (Directory.Exists(entry)) { result[rel] = "dir"; Walk(entry); }
                // Never opened unless it is a regular file with bytes in it: a named pipe would block the snapshot.
                else if (info.Length > 0) result[rel] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
                else result[rel] = "empty:" + Mono.Unix.UnixFileSystemInfo.GetFileSystemEntry(entry).FileType;
            }
        }
        Walk(root);
        return result;
    }

    private void Flush(string? path, StringBuilder content)
    {
        if (path is null) return;
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // A trailing blank line separates blocks in the spec; it is not part of the file.
        File.WriteAllText(full, content.ToString().TrimEnd('\n') + "\n");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Sandbox, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
