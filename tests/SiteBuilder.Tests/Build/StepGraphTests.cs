using SiteBuilder.Build;
using SiteBuilder.Build.Steps;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Build;

/// <summary>
/// The build's steps declare what they read and produce; a step list that reads a product before (or without) the step
/// making it is refused when the generator is made, and a step that uses a product it did not declare fails as it runs.
/// </summary>
public sealed class StepGraphTests
{
    private static List<IBuildStep> Without<T>() => SiteGenerator.DefaultSteps().Where(s => s is not T).ToList();

    [Fact]
    public void TheDefaultStepsAreSound() => Assert.Empty(StepGraph.Problems(SiteGenerator.DefaultSteps()));

    [Fact]
    public void AStepWhoseInputNoStepProducesIsRefusedNamingTheStepAndTheProduct()
    {
        var ex = Assert.Throws<InvalidStepListException>(() => new SiteGenerator(Without<LoadLayouts>()));

        // The renderer and model factory are a product: without LoadLayouts, ApplyLayouts, the search page and the 404
        // page have nothing to render with, and the list says so instead of skipping those pages.
        Assert.Equal(
        [
            "step 'ApplyLayouts' reads 'Layouts', which no step produces",
            "step 'WriteSearchPage' reads 'Layouts', which no step produces",
            "step 'WriteSiteFiles' reads 'Layouts', which no step produces",
        ], ex.Problems);
        Assert.StartsWith("invalid build step list: step 'ApplyLayouts' reads 'Layouts'", ex.Message);
    }

    [Fact]
    public void AStepBeforeItsInputsProducerIsRefusedWithTheMove()
    {
        var steps = Without<LoadLayouts>();
        steps.Add(new LoadLayouts());

        var problems = StepGraph.Problems(steps);

        Assert.Contains("step 'ApplyLayouts' reads 'Layouts', which step 'LoadLayouts' produces only later; move 'LoadLayouts' before it", problems);
    }

    [Fact]
    public void AReaderOfTheOutputRunsAfterEveryStepThatAddsToIt()
    {
        var steps = Without<WriteSiteFiles>();
        steps.Add(new WriteSiteFiles());

        var problems = StepGraph.Problems(steps);

        // WriteRedirects never overwrites a file, and CommitSite commits them all: both must see the site files.
        Assert.Equal(
        [
            "step 'WriteRedirects' reads 'Output', but step 'WriteSiteFiles' adds to it later; move 'WriteRedirects' after it",
            "step 'CommitSite' reads 'Output', but step 'WriteSiteFiles' adds to it later; move 'CommitSite' after it",
        ], problems);
    }

    [Fact]
    public void TwoStepsProducingOneProductAreRefused()
    {
        var steps = SiteGenerator.DefaultSteps().ToList();
        steps.Insert(steps.FindIndex(s => s is ResolveLinks), new MapStatswikiUrls());

        Assert.Equal(["step 'MapStatswikiUrls' produces 'StatswikiMap', which step 'MapStatswikiUrls' already produces"], StepGraph.Problems(steps));
    }

    [Fact]
    public void AnOptionalProductMayHaveNoProducer()
    {
        // Without git history, pages show no dates: the build is whole without it.
        Assert.Empty(StepGraph.Problems(Without<ReadGitHistory>()));
    }

    [Fact]
    public void AStepThatUsesAProductItDidNotDeclareFailsAsItRuns()
    {
        using var site = TestSite.Create("""
            -- pages/index.md --
            ---
            title: Home
            ---
            Hello.
            """);
        var steps = SiteGenerator.DefaultSteps().TakeWhile(s => s is not ReadGitHistory).Append(new ReadsTreeUndeclared()).ToList();

        var ex = Assert.Throws<InvalidOperationException>(() => new SiteGenerator(steps).Run(new BuildOptions { SourceDir = site.Root, DryRun = true }));

        Assert.Equal("step 'ReadsTreeUndeclared' uses 'Pages', which it does not declare in Reads or Produces", ex.Message);
    }

    [Fact]
    public void AStepThatSetsAProductItDidNotDeclareFailsAsItRuns()
    {
        var context = new BuildContext(new BuildOptions { SourceDir = "." });
        var ex = Assert.Throws<InvalidOperationException>(() => context.Execute(new SetsConfigUndeclared()));
        Assert.Equal("step 'SetsConfigUndeclared' sets 'Config', which it does not declare in Produces", ex.Message);
    }

    private sealed class ReadsTreeUndeclared : IBuildStep
    {
        public string Name => nameof(ReadsTreeUndeclared);
        public IReadOnlyList<Product> Reads { get; } = [BuildProducts.Config];
        public IReadOnlyList<Product> Produces { get; } = [];
        public void Execute(BuildContext context) => _ = context.Get(BuildProducts.Pages);
    }

    private sealed class SetsConfigUndeclared : IBuildStep
    {
        public string Name => nameof(SetsConfigUndeclared);
        public IReadOnlyList<Product> Reads { get; } = [];
        public IReadOnlyList<Product> Produces { get; } = [];
        public void Execute(BuildContext context) => context.Set(BuildProducts.Config, new SiteBuilder.Content.SiteConfig());
    }
}
