using System.Text;
using SiteBuilder.Build;
using SiteBuilder.Build.Incremental;
using SiteBuilder.Build.Steps;
using SiteBuilder.Output;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Incremental;

/// <summary>
/// Adding a step is one class and one line in the step list: the full build runs it, and the preview re-runs it, with
/// no other change, exactly when a product it declares changed (here the page set and titles, not a page's text).
/// </summary>
public sealed class AddedStepTests
{
    private const string Site = """
        -- site.yml --
        title: Test wiki
        base_url: https://example.org/
        -- pages/index.md --
        ---
        title: Home
        ---
        See [alpha](docs/alpha.md).
        -- pages/docs/index.md --
        ---
        title: Docs
        ---
        The docs.
        -- pages/docs/alpha.md --
        ---
        title: Alpha
        ---
        Alpha text.
        """;

    /// <summary>The throwaway step: a plain-text list of every page's URL and title.</summary>
    private sealed class WriteTitleList : IBuildStep
    {
        public int Runs;
        public string Name => nameof(WriteTitleList);
        public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Pages];
        public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Output];

        public void Execute(BuildContext context)
        {
            Interlocked.Increment(ref Runs);
            var text = new StringBuilder();
            foreach (var page in context.Get(BuildProducts.Pages).Pages.OrderBy(p => p.Url, StringComparer.Ordinal))
                text.Append('/').Append(page.Url).Append(' ').Append(page.Title).Append('\n');
            context.AddOutput("titles.txt", text.ToString());
        }
    }

    /// <summary>The default steps with one more, on one line (before the redirect stubs, which never overwrite a file).</summary>
    private static List<IBuildStep> With(IBuildStep step)
    {
        var steps = SiteGenerator.DefaultSteps().ToList();
        steps.Insert(steps.FindIndex(s => s is WriteRedirects), step);
        return steps;
    }

    private static BuildOptions Options(TestSite site) => new() { SourceDir = site.Root, SourceDateEpoch = 1_700_000_000 };

    private static void AssertSameAsFullBuild(TestSite site, IncrementalBuilder builder)
    {
        Assert.True(builder.CompleteDeferred().Succeeded);
        var (full, context) = new SiteGenerator(With(new WriteTitleList())).Run(Options(site) with { DryRun = true });
        var expected = ((MemoryOutput)context.Output).Files;
        var actual = builder.Current.Files;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from the full build:\n{Encoding.UTF8.GetString(actual[path])}");
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), builder.Last!.Diagnostics.Select(d => d.ToString()));
    }

    private static void Save(TestSite site, string path, string text) => File.WriteAllText(Path.Combine(site.Root, path), text);

    private static string Titles(IncrementalBuilder builder) => Encoding.UTF8.GetString(builder.Current.Files["titles.txt"]);

    [Fact]
    public void TheFullBuildAndThePreviewRunAnAddedStepWithoutAnyOtherChange()
    {
        using var site = TestSite.Create(Site);
        var step = new WriteTitleList();
        var builder = new IncrementalBuilder(Options(site), With(step));

        Assert.True(builder.Rebuild().Succeeded);
        Assert.Equal(1, step.Runs);
        Assert.Equal("/ Home\n/docs/ Docs\n/docs/alpha/ Alpha\n", Titles(builder));
        AssertSameAsFullBuild(site, builder);

        // A text edit changes no title: the step, a whole-site one, does not run again.
        Save(site, "pages/docs/alpha.md", "---\ntitle: Alpha\n---\nAlpha text, edited.\n");
        Assert.Equal(["docs/alpha/index.html"], builder.Update(["pages/docs/alpha.md"]).Rendered);
        Assert.Equal(1, step.Runs);
        AssertSameAsFullBuild(site, builder);

        // A title edit changes the page set it reads: it runs once, and its file follows.
        Save(site, "pages/docs/alpha.md", "---\ntitle: Alpha renamed\n---\nAlpha text, edited.\n");
        Assert.True(builder.Update(["pages/docs/alpha.md"]).Succeeded);
        Assert.Equal(2, step.Runs);
        Assert.Contains("/docs/alpha/ Alpha renamed\n", Titles(builder));
        AssertSameAsFullBuild(site, builder);

        // A new page and a deleted one.
        Save(site, "pages/docs/beta.md", "---\ntitle: Beta\n---\nBeta text.\n");
        Assert.True(builder.Update(["pages/docs/beta.md"]).Succeeded);
        Assert.Equal(3, step.Runs);
        AssertSameAsFullBuild(site, builder);
        File.Delete(Path.Combine(site.Root, "pages/docs/beta.md"));
        Assert.True(builder.Update(["pages/docs/beta.md"]).Succeeded);
        Assert.Equal(4, step.Runs);
        Assert.DoesNotContain("Beta", Titles(builder));
        AssertSameAsFullBuild(site, builder);
    }

    [Fact]
    public void ThePreviewRefusesAnAddedStepThatReadsTheOutputItCompletesInTheBackground()
    {
        var steps = SiteGenerator.DefaultSteps().ToList();
        steps.Insert(steps.FindIndex(s => s is CommitSite), new ListsOutput());

        var ex = Assert.Throws<InvalidStepListException>(() => new IncrementalBuilder(new BuildOptions { SourceDir = "." }, steps));

        Assert.Equal(["step 'ListsOutput' reads 'Output', which the preview completes in the background; read the pages or links instead"], ex.Problems);
    }

    private sealed class ListsOutput : IBuildStep
    {
        public string Name => nameof(ListsOutput);
        public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Output];
        public IReadOnlyList<Product> Produces { get; } = [BuildProducts.Summary];
        public void Execute(BuildContext context) => context.Summary.Enqueue(context.Output.Contains("404.html") ? "a 404 page" : "no 404 page");
    }
}
