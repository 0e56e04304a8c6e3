using System.Text;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Output;
using SiteBuilder.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SiteBuilder.Tests.Incremental;

/// <summary>
/// Random edit scripts against the preview engine: each script starts the <see cref="IncrementalBuilder"/> on a
/// small generated site (the repository's own layouts), then applies 5–20 random edits — pages added, removed and
/// renamed, titles, bodies, links, wiki links, front-matter fields, labels, aliases, layouts, partials and
/// <c>site.yml</c> edited, errors introduced and fixed — telling the builder the changed paths as the watcher does.
/// After every edit the published site must equal a full build of the same sources byte for byte, with the same
/// diagnostics and the same summary. A failure names its seed and the script; <c>SB_EDIT_SCRIPT_SEED=N</c> replays
/// that seed alone (and prints its steps), <c>SB_EDIT_SCRIPTS=N</c> runs N scripts instead of 200.
/// </summary>
public sealed class IncrementalEditScriptTests(ITestOutputHelper output)
{
    private const int DefaultScripts = 200;

    [Fact]
    public void RandomEditScriptsKeepTheIncrementalSiteEqualToAFullBuild()
    {
        if (Environment.GetEnvironmentVariable("SB_EDIT_SCRIPT_SEED") is { Length: > 0 } replay)
        {
            var script = EditScript.Run(int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture));
            foreach (string step in script.Steps) output.WriteLine(step);
            if (script.Failure is not null) throw new XunitException(script.Failure);
            return;
        }
        int count = int.TryParse(Environment.GetEnvironmentVariable("SB_EDIT_SCRIPTS"), out int n) ? n : DefaultScripts;
        var failures = new List<(int Seed, string Text)>();
        int edits = 0;
        // Scripts are independent (each has its own site and builder), so they share the machine's cores.
        Parallel.For(1, count + 1, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, seed =>
        {
            var script = EditScript.Run(seed);
            lock (failures)
            {
                edits += script.Steps.Count - 1;
                if (script.Failure is not null) failures.Add((seed, script.Failure));
            }
        });
        output.WriteLine($"{count} scripts, {edits} edits");
        Assert.True(edits >= count * 5, $"only {edits} edits in {count} scripts");
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {count} scripts failed (seeds {string.Join(", ", failures.Select(f => f.Seed).Order())}); the first:\n\n" +
                                     failures.MinBy(f => f.Seed).Text);
    }

    /// <summary>The generator's own sanity: the same seed makes the same script, and scripts cover every kind of edit.</summary>
    [Fact]
    public void ScriptsAreReproducibleAndCoverEveryKindOfEdit()
    {
        Assert.Equal(EditScript.Plan(7), EditScript.Plan(7));
        var kinds = Enumerable.Range(1, 200).SelectMany(EditScript.Plan).Select(s => s.Split(' ')[0]).ToHashSet();
        foreach (string kind in EditScript.Kinds) Assert.Contains(kind, kinds);
    }
}

/// <summary>One page of the generated site, as the script's model of it.</summary>
internal sealed class PageSpec
{
    public required string Path { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public List<string> Labels { get; } = [];
    public List<string> Aliases { get; } = [];
    public List<string> Countries { get; } = [];
    public string? Layout { get; set; }
    public bool Draft { get; set; }
    public List<string> Body { get; } = [];
    /// <summary>A deliberate error in the front matter (a line of broken YAML), or null.</summary>
    public string? BrokenFrontMatter { get; set; }

    public string Render()
    {
        var s = new StringBuilder("---\n");
        s.Append("title: ").Append(Title).Append('\n');
        if (Description is not null) s.Append("description: ").Append(Description).Append('\n');
        if (Labels.Count > 0) s.Append("labels: [").Append(string.Join(", ", Labels)).Append("]\n");
        if (Aliases.Count > 0) s.Append("aliases: [").Append(string.Join(", ", Aliases)).Append("]\n");
        if (Countries.Count > 0) s.Append("countries: [").Append(string.Join(", ", Countries)).Append("]\n");
        if (Layout is not null) s.Append("layout: ").Append(Layout).Append('\n');
        if (Draft) s.Append("draft: true\n");
        if (BrokenFrontMatter is not null) s.Append(BrokenFrontMatter).Append('\n');
        s.Append("---\n");
        foreach (string line in Body) s.Append(line).Append("\n\n");
        return s.ToString();
    }

    public string Dir => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');
    public bool IsIndex => System.IO.Path.GetFileName(Path) == "index.md";
}

/// <summary>A seeded random edit script over a generated site, and its check against full builds.</summary>
internal sealed class EditScript
{
    public static readonly string[] Kinds =
    [
        "add-page", "remove-page", "rename-page", "title", "body", "link", "wiki-link", "heading", "unlink", "field",
        "label", "alias", "description", "draft", "page-layout", "layout", "partial", "site.yml", "break", "fix",
    ];

    private static readonly string[] LabelPool = ["mobile", "census", "meta", "survey"];
    private static readonly string[] CountryPool = ["FRA", "DEU", "ITA", "ESP"];
    private static readonly string[] LayoutPool = ["page", "section", "dimis-entry"];
    private static readonly Lazy<Dictionary<string, string>> ThemeFiles = new(() =>
    {
        string root = Path.Combine(TestSites.RepositoryRoot, "layouts");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "layouts/" + Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    });

    private readonly Random _random;
    private readonly List<PageSpec> _pages = [];
    // site.yml, the layout of ordinary pages and a partial each have a few variants, so the in-memory layout cache
    // compiles a handful of layout sets over all the scripts rather than one per edit.
    private int _siteVariant;
    private int _pageLayoutVariant;
    private int _partialVariant;
    // The deliberate errors now in the site, each with the way to undo it.
    private readonly List<(string Name, PageSpec? Page, Func<IEnumerable<string>> Fix)> _errors = [];
    private int _counter;

    private EditScript(int seed) => _random = new Random(seed);

    /// <summary>What the script did, one line per step (the first is the seed).</summary>
    public List<string> Steps { get; } = [];

    /// <summary>Null when every step matched the full build; else the seed, the script and the difference.</summary>
    public string? Failure { get; private set; }

    /// <summary>The steps a seed makes, without building (the generator alone).</summary>
    public static IReadOnlyList<string> Plan(int seed)
    {
        var script = new EditScript(seed);
        script.Seed();
        int edits = script._random.Next(5, 21);
        var steps = new List<string>();
        for (int i = 0; i < edits; i++) steps.Add(script.Edit(out _));
        return steps;
    }

    /// <summary>Runs a seed's script against the builder, checking after the first build and every edit.</summary>
    public static EditScript Run(int seed)
    {
        var script = new EditScript(seed);
        script.Steps.Add($"seed {seed} (replay: SB_EDIT_SCRIPT_SEED={seed} dotnet test --filter FullyQualifiedName~IncrementalEditScriptTests)");
        string root = TestSites.TempDir();
        try
        {
            script.Seed();
            foreach (var (path, text) in script.AllFiles()) Write(root, path, text);
            var options = new BuildOptions { SourceDir = root, SourceDateEpoch = 1_700_000_000 };
            var builder = new IncrementalBuilder(options);
            Check(root, options, builder, builder.Rebuild(), "first build");
            // Even seeds preview with fast render: one or two pages "open" (rendered first), the rest deferred, and some
            // edits not checked, so that what one edit deferred meets the next. Its own generator keeps the plans as they were.
            var fast = seed % 2 == 0 ? new Random(seed * 7919) : null;
            int edits = script._random.Next(5, 21);
            for (int i = 0; i < edits; i++)
            {
                string step = script.Edit(out var writes);
                script.Steps.Add($"{i + 1}. {step}");
                var paths = new List<string>();
                foreach (var (path, text) in writes)
                {
                    paths.Add(path);
                    if (text is null) File.Delete(Path.Combine(root, path));
                    else Write(root, path, text);
                }
                if (fast is null)
                {
                    Check(root, options, builder, builder.Update(paths), step);
                    continue;
                }
                var html = builder.Current.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                var open = Enumerable.Range(0, fast.Next(1, 3)).Select(_ => html[fast.Next(html.Count)]).ToHashSet(StringComparer.Ordinal);
                script.Steps[^1] += $" (fast render, open: {string.Join(", ", open.Order(StringComparer.Ordinal))})";
                var result = builder.Update(ChangeSet.From(paths), open);
                if (i == edits - 1 || fast.Next(3) > 0) Check(root, options, builder, result, step, settledResult: true);
            }
        }
        catch (Exception ex)
        {
            script.Failure = string.Join("\n", script.Steps) + "\n\n" + (ex is XunitException ? ex.Message : ex.ToString());
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return script;
    }

    private static void Write(string root, string path, string text)
    {
        string full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>
    /// The published site, diagnostics and summary against a full build of the same sources (with the builder's
    /// <paramref name="steps"/>, the default ones when null); the preview fuzz tests check hostile saves with it too.
    /// With fast render, a page rendered later can bring an error the open pages did not: with
    /// <paramref name="settledResult"/> the settled result decides.
    /// </summary>
    internal static void Check(string root, BuildOptions options, IncrementalBuilder builder, IncrementalResult result, string step,
        IReadOnlyList<IBuildStep>? steps = null, bool settledResult = false)
    {
        var last = builder.CompleteDeferred();
        if (settledResult) result = last;
        var (full, context) = (steps is null ? new SiteGenerator() : new SiteGenerator(steps)).Run(options with { DryRun = true });
        // The preview leaves out the note that a site without base_url gets no sitemap: it is about publishing.
        string[] expected = full.Diagnostics.Where(d => d.Code != SiteBuilder.Diagnostics.DiagnosticCodes.NoBaseUrl).Select(d => d.ToString()).ToArray();
        string[] actual = last.Diagnostics.Select(d => d.ToString()).ToArray();
        if (!expected.SequenceEqual(actual))
            throw new XunitException($"after '{step}': diagnostics differ\nfull build:\n  {string.Join("\n  ", expected)}\nincremental:\n  {string.Join("\n  ", actual)}");
        bool failed = full.Diagnostics.Any(d => d.IsError);
        if (failed == result.Succeeded)
            throw new XunitException($"after '{step}': the full build {(failed ? "failed" : "succeeded")} but the incremental one {(result.Succeeded ? "succeeded" : "failed")}");
        // A failed rebuild keeps serving the last good site; only a success publishes, and then it must be the full build.
        if (failed) return;
        var files = ((MemoryOutput)context.Output).Files;
        var published = builder.Current.Files;
        var missing = files.Keys.Except(published.Keys).Order(StringComparer.Ordinal).ToList();
        var extra = published.Keys.Except(files.Keys).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new XunitException($"after '{step}': missing {string.Join(", ", missing)}; extra {string.Join(", ", extra)}");
        foreach (var (path, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            if (!bytes.AsSpan().SequenceEqual(published[path]))
                throw new XunitException($"after '{step}': {path} differs from the full build\n{FirstDifference(bytes, published[path])}");
        if (!full.Summary.SequenceEqual(builder.Summary()))
            throw new XunitException($"after '{step}': summary differs\nfull:\n{string.Join("\n", full.Summary)}\nincremental:\n{string.Join("\n", builder.Summary())}");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        string e = Encoding.UTF8.GetString(expected), a = Encoding.UTF8.GetString(actual);
        int at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at]) at++;
        int from = Math.Max(0, at - 200);
        return $"at char {at}:\nfull build:  …{e[from..Math.Min(e.Length, at + 200)]}…\nincremental: …{a[from..Math.Min(a.Length, at + 200)]}…";
    }

    // ---- the generated site ----

    private void Seed()
    {
        Add("index.md", "Home", "Welcome. See [the docs](docs/index.md).");
        Add("docs/index.md", "Docs", "Start with [alpha](alpha.md).");
        Add("docs/alpha.md", "Alpha", "## Setup", "Alpha text. See [beta](beta.md).");
        Add("docs/beta.md", "Beta", "## Usage", "Beta text with [[Alpha#Setup|the setup]].");
        Add("docs/deep/index.md", "Deep", "Deep section.");
        Add("docs/deep/gamma.md", "Gamma", "Gamma links to [the alpha setup](../alpha.md#setup).");
        Add("dimis/index.md", "DIMiS", "{{children}}");
        var one = Add("dimis/one.md", "Entry one", "One body.");
        one.Countries.Add("FRA");
        one.Labels.Add("mobile");
        var two = Add("dimis/two.md", "Entry two", "Two body, see [[Entry one]].");
        two.Countries.AddRange(["DEU", "FRA"]);
    }

    private PageSpec Add(string path, string title, params string[] body)
    {
        var page = new PageSpec { Path = path, Title = title };
        page.Body.AddRange(body);
        _pages.Add(page);
        return page;
    }

    private IEnumerable<(string Path, string Text)> AllFiles()
    {
        yield return ("site.yml", SiteYml());
        foreach (var page in _pages) yield return ("pages/" + page.Path, page.Render());
        foreach (var (path, text) in ThemeFiles.Value)
        {
            if (path == "layouts/page.cshtml") yield return (path, PageLayout());
            else if (path == "layouts/_Footer.cshtml") yield return (path, Partial());
            else yield return (path, text);
        }
    }

    private string SiteYml() => _siteVariant switch
    {
        -1 => "title: [Broken\nsections:\n",
        _ => $"""
             title: Test wiki{(_siteVariant == 1 ? " renamed" : "")}
             base_url: https://example.org/
             {(_siteVariant == 2 ? "footer: A footer\n" : "")}sections:
               docs:
                 title: {(_siteVariant == 1 ? "Documentation" : "Docs")}
               dimis:
                 title: DIMiS
                 statswiki_space: DIMiS
                 table: [countries]
                 index_by:
                   - field: countries
                     slug: by-country
                     title: Entries by country
                 schema:
                   fields:
                     countries:
                       type: list
                       format: iso3166-alpha3

             """,
    };

    private string PageLayout()
    {
        string text = ThemeFiles.Value["layouts/page.cshtml"];
        return _pageLayoutVariant switch
        {
            -1 => text.Replace("@Model.Title", "@Model.NoSuchMember", StringComparison.Ordinal),
            1 => text.Replace("<article>", "<article class=\"edited\">", StringComparison.Ordinal),
            _ => text,
        };
    }

    private string Partial()
    {
        string text = ThemeFiles.Value["layouts/_Footer.cshtml"];
        return _partialVariant == 1 ? text + "<!-- footer variant -->\n" : text;
    }

    // ---- the edits ----

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private PageSpec AnyPage() => Pick(_pages);

    private PageSpec? Leaf() => _pages.Where(p => !p.IsIndex).ToList() is { Count: > 0 } leaves ? Pick(leaves) : null;

    private static string RelativeLink(PageSpec from, PageSpec to) =>
        Path.GetRelativePath(from.Dir.Length == 0 ? "." : from.Dir, to.Path).Replace('\\', '/');

    private (string, string?) Save(PageSpec page) => ("pages/" + page.Path, page.Render());

    /// <summary>Makes one random edit to the model; <paramref name="writes"/> gets the files to write (null: delete).</summary>
    private string Edit(out List<(string Path, string? Text)> writes)
    {
        writes = [];
        int n = ++_counter;
        for (int attempt = 0; ; attempt++)
        {
            string kind = Pick(Kinds);
            if (TryEdit(kind, n, writes) is { } description) return $"{kind} {description}";
        }
    }

    private string? TryEdit(string kind, int n, List<(string Path, string? Text)> writes)
    {
        switch (kind)
        {
            case "add-page":
            {
                string dir = Pick(new[] { "docs", "docs/deep", "dimis", "" });
                var page = Add((dir.Length == 0 ? "" : dir + "/") + $"new-{n}.md", $"New page {n}", $"New text {n}.");
                if (dir == "dimis") page.Countries.Add(Pick(CountryPool));
                var target = Pick(_pages);
                if (target != page) page.Body.Add($"Links [{target.Title}]({RelativeLink(page, target)}).");
                writes.Add(Save(page));
                return page.Path;
            }
            case "remove-page":
            {
                if (Leaf() is not { } page) return null;
                _pages.Remove(page);
                _errors.RemoveAll(e => e.Page == page);
                writes.Add(("pages/" + page.Path, null));
                return page.Path;
            }
            case "rename-page":
            {
                if (Leaf() is not { } page) return null;
                string old = page.Path;
                page.Path = (page.Dir.Length == 0 ? "" : page.Dir + "/") + $"renamed-{n}.md";
                writes.Add(("pages/" + old, null));
                writes.Add(Save(page));
                return $"{old} -> {page.Path}";
            }
            case "title":
            {
                var page = AnyPage();
                page.Title = _random.Next(4) == 0 && _pages.Count > 1 ? Pick(_pages.Where(p => p != page).ToList()).Title : $"Title {n}";
                writes.Add(Save(page));
                return $"{page.Path}: {page.Title}";
            }
            case "body":
            {
                var page = AnyPage();
                if (page.Body.Count == 0 || _random.Next(3) == 0) page.Body.Add($"Paragraph {n}.");
                else page.Body[_random.Next(page.Body.Count)] = $"Rewritten paragraph {n}.";
                writes.Add(Save(page));
                return page.Path;
            }
            case "link":
            {
                var page = AnyPage();
                var target = AnyPage();
                if (target == page) return null;
                page.Body.Add($"See [{target.Title}]({RelativeLink(page, target)}).");
                writes.Add(Save(page));
                return $"{page.Path} -> {target.Path}";
            }
            case "wiki-link":
            {
                var page = AnyPage();
                var target = AnyPage();
                if (target == page) return null;
                page.Body.Add(_random.Next(2) == 0 ? $"See [[{target.Title}]]." : $"See [[{target.Title}|that page]].");
                writes.Add(Save(page));
                return $"{page.Path} -> [[{target.Title}]]";
            }
            case "heading":
            {
                var page = AnyPage();
                page.Body.Insert(_random.Next(page.Body.Count + 1), $"## Heading {n}");
                writes.Add(Save(page));
                return page.Path;
            }
            case "unlink":
            {
                var page = AnyPage();
                int at = page.Body.FindIndex(l => l.Contains("](", StringComparison.Ordinal) || l.Contains("[[", StringComparison.Ordinal) || l.StartsWith("## ", StringComparison.Ordinal));
                if (at < 0 || _errors.Any(e => e.Page == page)) return null;
                string line = page.Body[at];
                page.Body.RemoveAt(at);
                writes.Add(Save(page));
                return $"{page.Path}: removed '{line}'";
            }
            case "field":
            {
                var page = _pages.Where(p => p.Path.StartsWith("dimis/", StringComparison.Ordinal) && !p.IsIndex).ToList() is { Count: > 0 } entries ? Pick(entries) : null;
                if (page is null) return null;
                page.Countries.Clear();
                page.Countries.AddRange(CountryPool.Where(_ => _random.Next(2) == 0).DefaultIfEmpty(Pick(CountryPool)));
                writes.Add(Save(page));
                return $"{page.Path}: countries {string.Join(",", page.Countries)}";
            }
            case "label":
            {
                var page = AnyPage();
                string label = Pick(LabelPool);
                if (!page.Labels.Remove(label)) page.Labels.Add(label);
                writes.Add(Save(page));
                return $"{page.Path}: {string.Join(",", page.Labels)}";
            }
            case "alias":
            {
                var page = AnyPage();
                if (page.Aliases.Count > 0 && _random.Next(2) == 0) page.Aliases.Clear();
                else page.Aliases.Add($"old/alias-{n}");
                writes.Add(Save(page));
                return $"{page.Path}: {string.Join(",", page.Aliases)}";
            }
            case "description":
            {
                var page = AnyPage();
                page.Description = page.Description is null ? $"Description {n}" : null;
                writes.Add(Save(page));
                return $"{page.Path}: {page.Description ?? "(none)"}";
            }
            case "draft":
            {
                if (Leaf() is not { } page) return null;
                page.Draft = !page.Draft;
                writes.Add(Save(page));
                return $"{page.Path}: draft {page.Draft}";
            }
            case "page-layout":
            {
                var page = AnyPage();
                page.Layout = _random.Next(3) == 0 ? null : Pick(LayoutPool);
                writes.Add(Save(page));
                return $"{page.Path}: {page.Layout ?? "(default)"}";
            }
            case "layout":
            {
                if (_pageLayoutVariant < 0) return null;
                _pageLayoutVariant = 1 - _pageLayoutVariant;
                writes.Add(("layouts/page.cshtml", PageLayout()));
                return $"page.cshtml variant {_pageLayoutVariant}";
            }
            case "partial":
            {
                _partialVariant = 1 - _partialVariant;
                writes.Add(("layouts/_Footer.cshtml", Partial()));
                return $"_Footer.cshtml variant {_partialVariant}";
            }
            case "site.yml":
            {
                if (_siteVariant < 0) return null;
                _siteVariant = (_siteVariant + 1 + _random.Next(2)) % 3;
                writes.Add(("site.yml", SiteYml()));
                return $"variant {_siteVariant}";
            }
            case "break":
                return Break(n, writes);
            case "fix":
            {
                if (_errors.Count == 0) return null;
                var (name, _, fix) = _errors[_random.Next(_errors.Count)];
                _errors.RemoveAll(e => e.Name == name);
                foreach (string path in fix()) writes.Add(path == "site.yml" ? ("site.yml", SiteYml()) : path == "layouts/page.cshtml" ? (path, PageLayout()) : Save(_pages.Single(p => "pages/" + p.Path == path)));
                return name;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private string? Break(int n, List<(string Path, string? Text)> writes)
    {
        switch (_random.Next(6))
        {
            case 0:
            {
                var page = AnyPage();
                string line = $"A [broken link {n}](nowhere-{n}.md).";
                page.Body.Add(line);
                return BreakPage(page, "broken link", n, () => page.Body.Remove(line), writes);
            }
            case 1:
            {
                var page = AnyPage();
                string line = $"A [[Nowhere {n}]] wiki link.";
                page.Body.Add(line);
                return BreakPage(page, "broken wiki link", n, () => page.Body.Remove(line), writes);
            }
            case 2:
            {
                var page = AnyPage();
                if (page.BrokenFrontMatter is not null) return null;
                page.BrokenFrontMatter = "weight: [1";
                return BreakPage(page, "broken front matter", null, () => page.BrokenFrontMatter = null, writes);
            }
            case 3:
            {
                var page = AnyPage();
                string? before = page.Layout;
                page.Layout = "no-such-layout";
                return BreakPage(page, "unknown layout", null, () => page.Layout = before, writes);
            }
            case 4:
            {
                if (_siteVariant < 0) return null;
                int before = _siteVariant;
                _siteVariant = -1;
                _errors.Add(("site.yml: broken", null, () => { _siteVariant = before; return ["site.yml"]; }));
                writes.Add(("site.yml", SiteYml()));
                return "site.yml: broken";
            }
            default:
            {
                if (_pageLayoutVariant < 0) return null;
                int before = _pageLayoutVariant;
                _pageLayoutVariant = -1;
                _errors.Add(("page.cshtml: broken", null, () => { _pageLayoutVariant = before; return ["layouts/page.cshtml"]; }));
                writes.Add(("layouts/page.cshtml", PageLayout()));
                return "page.cshtml: broken";
            }
        }
    }

    // Records an error just made in one page (with the edit that undoes it), saves the page, and names the edit.
    private string BreakPage(PageSpec page, string what, int? n, Action undo, List<(string Path, string? Text)> writes)
    {
        _errors.Add(($"{page.Path}: {what}{(n is null ? "" : " " + n)}", page, () => { undo(); return ["pages/" + page.Path]; }));
        writes.Add(Save(page));
        return $"{page.Path}: {what}";
    }
}
