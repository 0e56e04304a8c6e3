using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Build.Steps;
using SiteBuilder.Tests.Incremental;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Fuzzing;

/// <summary>
/// The preview under hostile edits: a contributor running <c>serve</c> saves whatever a generated hostile site holds
/// (<see cref="HostileGen.Sites"/>) over an ordinary site — its pages first, then its <c>site.yml</c> — and then puts the
/// ordinary site back. The pages go through the engine's per-step updates (<see cref="IIncrementalStep.Update"/>), not
/// a fresh build, so this is where a step's in-place update meets broken YAML, deep nesting, climbing links and odd
/// names; the <c>site.yml</c> goes through the preview's rebuild. After each save: no exception escapes,
/// the update ends in time, and the preview equals a full build of the same sources (same diagnostics, same files,
/// same summary); after the last save it serves the ordinary site again. The property is run by
/// <see cref="BuildFuzzTests"/> (300 sites in CI, SITEBUILDER_FUZZ_EDITS).
/// </summary>
internal static class PreviewFuzz
{
    private static readonly TimeSpan UpdateTimeLimit = TimeSpan.FromSeconds(30);

    // As in BuildFuzzTests: git history is not content a pull request controls, and starting git is most of the time.
    private static readonly IReadOnlyList<IBuildStep> Steps = SiteGenerator.DefaultSteps().Where(s => s is not ReadGitHistory).ToList();

    // The site the preview starts on and goes back to: a home page, a section with a child, links and a wiki link
    // between them, so that a hostile edit has pages to relink, re-render and drop.
    private static readonly (string Path, string Text)[] Ordinary =
    [
        ("site.yml", "title: Fuzz\nbase_url: https://fuzz.test/\n"),
        ("pages/index.md", "---\ntitle: Home\n---\nSee [the guide](guide/index.md).\n"),
        ("pages/guide/index.md", "---\ntitle: Guide\nlabels: [meta]\n---\n{{children}}\n\nBack [[Home]].\n"),
        ("pages/guide/setup.md", "---\ntitle: Setup\n---\n## Steps\n\nRead [the guide](index.md) and [[Guide|its index]].\n"),
    ];

    /// <summary>Runs one generated site's saves through a preview and checks every property; throws on a violation.</summary>
    internal static void Check(HostileGen.Site site)
    {
        string root = TestSites.TempDir();
        try
        {
            Save(root, Ordinary, []);
            var options = new BuildOptions { SourceDir = root, SourceDateEpoch = 1 };
            var builder = new IncrementalBuilder(options, Steps);
            EditScript.Check(root, options, builder, builder.Rebuild(), "the ordinary site", Steps);

            // The hostile pages saved over the ordinary ones (the ordinary pages it lacks deleted), site.yml kept: the
            // steps update in place. Then its site.yml, if it differs (a rebuild), and then the ordinary site again.
            var pages = site.Files.Where(f => f.Path != "site.yml").ToArray();
            var gone = Ordinary.Where(f => f.Path != "site.yml").Select(f => f.Path).Except(pages.Select(f => f.Path)).ToArray();
            Update(root, options, builder, pages, gone, "the hostile pages saved");
            string? siteYml = site.Files.Where(f => f.Path == "site.yml").Select(f => f.Text).FirstOrDefault();
            if (siteYml != Ordinary[0].Text)
                Update(root, options, builder, siteYml is null ? [] : [("site.yml", siteYml)], siteYml is null ? ["site.yml"] : [],
                    "the hostile site.yml saved");
            var back = pages.Select(f => f.Path).Except(Ordinary.Select(f => f.Path)).ToArray();
            Update(root, options, builder, Ordinary, back, "the ordinary site saved back");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void Update(string root, BuildOptions options, IncrementalBuilder builder,
        (string Path, string Text)[] files, string[] deleted, string step)
    {
        Save(root, files, deleted);
        var update = Task.Run(() => builder.Update(files.Select(f => f.Path).Concat(deleted)));
        if (!update.Wait(UpdateTimeLimit)) throw new TimeoutException($"{step}: the update did not end within {UpdateTimeLimit.TotalSeconds} s");
        EditScript.Check(root, options, builder, update.Result, step, Steps); // update.Result rethrows what escaped the library
    }

    private static void Save(string root, (string Path, string Text)[] files, string[] deleted)
    {
        foreach (string path in deleted) File.Delete(Path.Combine(root, path));
        foreach (var (path, text) in files)
        {
            string full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }
}
