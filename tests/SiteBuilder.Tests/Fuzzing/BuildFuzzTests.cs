using System.Text.RegularExpressions;
using CsCheck;
using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Diagnostics;
using SiteBuilder.Tests.Support;
using Xunit.Abstractions;

namespace SiteBuilder.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the whole build on generated hostile sites (<see cref="HostileGen"/>): for every input,
/// no exception escapes the library, no build hangs, every problem is a diagnostic with a stable code and a position
/// inside the file it names, and nothing is written outside the output folder; saved into a running preview, a site
/// gives what a full build gives. CI runs 22,300 inputs from a fixed seed (10,000 pages alone, 10,000 sites through the
/// content steps, 2,000 whole builds, 300 sites saved into a preview); <c>bench/fuzz/run.sh</c> runs a million pages
/// and thousands of sites with a seed of its own.
/// A failure prints the seed that reproduces it and the shrunk site.
/// </summary>
public sealed partial class BuildFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromSeconds(30);

    // Git history is not content a pull request controls, and starting git is most of a small build's time.
    private static readonly IReadOnlyList<IBuildStep> AllSteps = SiteGenerator.DefaultSteps().Where(s => s is not ReadGitHistory).ToList();
    // Everything that reads content, up to the links: no layouts, search or files, so ten times as many sites a second.
    private static readonly IReadOnlyList<IBuildStep> ContentSteps = AllSteps.TakeWhile(s => s is not StartSearchIndex).ToList();

    /// <summary>Whole builds, layouts, search index and files included: 2,000 sites in CI (SITEBUILDER_FUZZ_SITES).</summary>
    [Fact]
    public void GeneratedHostileSitesBuildWithDiagnosticsOnly() =>
        Run("SITEBUILDER_FUZZ_SITES", 2_000, site => Check(site, AllSteps, write: Interlocked.Increment(ref _count) % 16 == 0));

    /// <summary>The content steps (config, front matter, Markdown, tree, links): 10,000 sites in CI (SITEBUILDER_FUZZ_CONTENT).</summary>
    [Fact]
    public void GeneratedHostileContentIsReadWithDiagnosticsOnly() =>
        Run("SITEBUILDER_FUZZ_CONTENT", 10_000, site => Check(site, ContentSteps, write: false));

    /// <summary>
    /// One page at a time, in memory, through everything that parses it (front matter, Markdown, the nesting guard,
    /// old anchors, the body with its links, the unsafe-HTML check): 10,000 pages in CI (SITEBUILDER_FUZZ_PAGES). No
    /// files and no other steps, so this is the property bench/fuzz runs a million times.
    /// </summary>
    [Fact]
    public void GeneratedHostilePagesParseWithDiagnosticsOnly() =>
        Run(HostileGen.Page.Select(text => new HostileGen.Site([("pages/x.md", text)])), "SITEBUILDER_FUZZ_PAGES", 10_000, CheckPage);

    /// <summary>
    /// Generated hostile sites saved over an ordinary one in a running preview, and the ordinary one saved back
    /// (<see cref="PreviewFuzz"/>): 300 sites in CI (SITEBUILDER_FUZZ_EDITS).
    /// </summary>
    [Fact]
    public void GeneratedHostileSavesInThePreviewMatchAFullBuildAndRecover() => Run("SITEBUILDER_FUZZ_EDITS", 300, PreviewFuzz.Check);

    private void Run(string countVariable, long defaultCount, Action<HostileGen.Site> check) =>
        Run(HostileGen.Sites, countVariable, defaultCount, check);

    private void Run(Gen<HostileGen.Site> gen, string countVariable, long defaultCount, Action<HostileGen.Site> check)
    {
        long iterations = long.TryParse(Environment.GetEnvironmentVariable(countVariable), out long n) ? n : defaultCount;
        string seed = Environment.GetEnvironmentVariable("SITEBUILDER_FUZZ_SEED") is { Length: > 0 } s ? s : "0000000SBFuzz";
        if (Environment.GetEnvironmentVariable("SITEBUILDER_FUZZ_SURVEY") == "1") Survey(gen, iterations, seed, check);
        else gen.Sample(check, writeLine: output.WriteLine, seed: seed, iter: iterations, print: site => site.ToString());
    }

    // The bench's mode: run every input, and print each distinct failure (exception type and the first SiteBuilder
    // frame) once, with its count and the smallest site that showed it, instead of stopping at the first.
    private void Survey(Gen<HostileGen.Site> gen, long iterations, string seed, Action<HostileGen.Site> check)
    {
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, (int Count, string Example)>();
        long done = 0;
        gen.Sample(site =>
        {
            Interlocked.Increment(ref done);
            try { check(site); }
            catch (Exception ex)
            {
                var inner = ex.GetBaseException();
                string frame = inner.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("SiteBuilder.", StringComparison.Ordinal) &&
                    !l.Contains("Tests.", StringComparison.Ordinal))?.Trim() ?? "";
                string key = inner.GetType().Name + ": " + (inner is InvalidOperationException or TimeoutException
                    ? PositionKind().Replace(inner.Message.Split(": ")[0], "N") + " " + CodeOf().Match(inner.Message).Value
                    : frame);
                string text = site.ToString();
                failures.AddOrUpdate(key, (1, inner.Message + "\n" + text),
                    (_, old) => (old.Count + 1, text.Length < old.Example.Length ? inner.Message + "\n" + text : old.Example));
            }
        }, seed: seed, iter: iterations);
        output.WriteLine($"{done} sites, {failures.Count} distinct failures");
        foreach (var (key, (count, example)) in failures.OrderByDescending(f => f.Value.Count))
            output.WriteLine($"\n=== {count}x {key}\n{(example.Length > 3000 ? example[..3000] + "…" : example)}");
        Assert.True(failures.IsEmpty, $"{failures.Count} distinct failures in {done} sites (see the output)");
    }

    private static long _count;

    /// <summary>
    /// Builds one generated site with <paramref name="steps"/> and checks every property; throws on a violation. A
    /// site written to disk (<paramref name="write"/>) is built in a sandbox, to see that nothing lands outside the
    /// output; the others build in memory (a dry run), where a path the output refused (SB0402) is a failure too: the
    /// content's own checks should have caught it at its line.
    /// </summary>
    internal static void Check(HostileGen.Site site, IReadOnlyList<IBuildStep> steps, bool write)
    {
        string sandbox = TestSites.TempDir();
        try
        {
            string root = Path.Combine(sandbox, "src");
            foreach (var (path, text) in site.Files)
            {
                string full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            string outputDir = Path.Combine(root, "_site");
            var options = new BuildOptions { SourceDir = root, OutputDir = outputDir, SourceDateEpoch = 1, DryRun = !write };
            var build = Task.Run(() => new SiteGenerator(steps).Run(options));
            if (!build.Wait(BuildTimeLimit)) throw new TimeoutException($"the build did not end within {BuildTimeLimit.TotalSeconds} s");
            var (result, context) = build.Result; // rethrows what escaped the library
            if (context.Output.Refused.Count > 0)
                throw new InvalidOperationException($"the output refused a path no check reported: {context.Output.Refused.First()}");
            var lines = site.Files.ToDictionary(f => f.Path, f => LineBreak().Split(f.Text), StringComparer.Ordinal);
            foreach (var d in result.Diagnostics) CheckPosition(d, lines, outputDir);
            CheckNothingOutside(sandbox, root, site);
            // check-links reads site.yml with its own reader: the same promises hold for it.
            if (site.Files.FirstOrDefault(f => f.Path == "site.yml") is { Text: { } siteYml })
            {
                var linkCheck = new DiagnosticBag();
                SiteBuilder.LinkCheck.Configuration.LinkCheckSettingsReader.Read(siteYml, "site.yml", linkCheck);
                foreach (var d in linkCheck.ToSortedList()) CheckPosition(d, lines, outputDir);
            }
        }
        finally
        {
            try { Directory.Delete(sandbox, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Parses a one-page site's page in memory and checks the same properties as <see cref="Check"/>.</summary>
    internal static void CheckPage(HostileGen.Site site)
    {
        var (path, text) = site.Files[0];
        var diagnostics = new DiagnosticBag();
        var parse = Task.Run(() => SiteBuilder.Markdown.PageParser.Parse(path, text, new HashSet<string>(), unsafeHtml: false,
            SiteBuilder.Markdown.MarkdownPipelineFactory.Default, diagnostics));
        if (!parse.Wait(BuildTimeLimit)) throw new TimeoutException($"the parse did not end within {BuildTimeLimit.TotalSeconds} s");
        var (_, _, body) = parse.Result; // rethrows what escaped the library
        var lines = new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = LineBreak().Split(text) };
        foreach (var d in diagnostics.ToSortedList()) CheckPosition(d, lines, "_site");
        // A page with no error is one the build renders: its body must be whole.
        if (body is null && !diagnostics.HasErrors) throw new InvalidOperationException("no body and no error");
    }

    private static void CheckPosition(Diagnostic d, Dictionary<string, string[]> files, string outputDir)
    {
        if (!CodeShape().IsMatch(d.Code)) throw new InvalidOperationException($"not a stable code: {d}");
        if (d.Location.Path == outputDir && d.Code.StartsWith("SB04", StringComparison.Ordinal)) return;
        // A note about the whole site (SB0040: no base_url, site.yml or not) names no line: it reports what is
        // missing, not a failure.
        if (d.Severity == DiagnosticSeverity.Note && d.Location.Line == 0) return;
        if (!files.TryGetValue(d.Location.Path, out var lines))
            throw new InvalidOperationException($"a diagnostic names no file of the site: {d}");
        if (d.Location.Line < 1 || d.Location.Line > lines.Length + 1)
            throw new InvalidOperationException($"line {d.Location.Line} is outside {d.Location.Path} ({lines.Length} lines): {d}");
        int width = d.Location.Line <= lines.Length ? lines[d.Location.Line - 1].Length : 0;
        if (d.Location.Column < 0 || d.Location.Column > width + 2)
            throw new InvalidOperationException($"column {d.Location.Column} is outside line {d.Location.Line} ({width} characters): {d}");
    }

    // Everything in the sandbox is the source as written, the output folder, or the source map folder.
    private static void CheckNothingOutside(string sandbox, string root, HostileGen.Site site)
    {
        var expected = new HashSet<string>(site.Files.Select(f => Path.Combine(root, f.Path)), StringComparer.Ordinal);
        foreach (string entry in Directory.EnumerateFileSystemEntries(sandbox, "*", SearchOption.AllDirectories))
        {
            if (Directory.Exists(entry)) continue;
            string rel = Path.GetRelativePath(root, entry);
            if (rel.StartsWith("_site/", StringComparison.Ordinal) || rel.StartsWith(".sitebuilder/", StringComparison.Ordinal)) continue;
            if (!expected.Contains(entry)) throw new InvalidOperationException($"a file was written outside the output: {entry}");
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex PositionKind();

    [GeneratedRegex(@"SB\d{4}")]
    private static partial Regex CodeOf();

    // Editors, Markdig and YAML all end a line at CRLF, CR or LF.
    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^SB\d{4}$")]
    private static partial Regex CodeShape();
}
