namespace SiteBuilder.Build;

/// <summary>
/// Checks an ordered step list against the steps' declarations: every product a step reads is made by an earlier
/// step (an optional one may be made by none); a single product is made once; a step that reads a gathered product
/// (the output) runs after every other step that adds to it.
/// </summary>
public static class StepGraph
{
    /// <summary>The problems of a step list, in order, as sentences naming the steps and products; empty when it is sound.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<IBuildStep> steps)
    {
        var problems = new List<string>();
        var producer = new Dictionary<Product, int>();
        for (int i = 0; i < steps.Count; i++)
            foreach (var product in steps[i].Produces)
            {
                if (product.Kind != ProductKind.Gathered && producer.TryGetValue(product, out int first))
                    problems.Add($"step '{steps[i].Name}' produces '{product}', which step '{steps[first].Name}' already produces");
                else producer.TryAdd(product, i);
            }
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            foreach (var product in step.Reads)
            {
                if (product.Kind == ProductKind.Gathered)
                {
                    for (int j = i + 1; j < steps.Count; j++)
                        if (steps[j].Produces.Contains(product))
                            problems.Add($"step '{step.Name}' reads '{product}', but step '{steps[j].Name}' adds to it later; move '{step.Name}' after it");
                    continue;
                }
                if (!producer.TryGetValue(product, out int made))
                {
                    if (product.Kind == ProductKind.Single)
                        problems.Add($"step '{step.Name}' reads '{product}', which no step produces");
                }
                else if (made >= i)
                    problems.Add($"step '{step.Name}' reads '{product}', which step '{steps[made].Name}' produces only later; move '{steps[made].Name}' before it");
            }
        }
        return problems;
    }

    /// <summary>
    /// The steps a change reaches, in list order: every step that reads a changed product, and, since what it produces
    /// then changes too, every step that reads that, and so on. This is what the preview re-runs after an edit; a step
    /// no changed product reaches keeps its last result.
    /// </summary>
    public static (IReadOnlyList<IBuildStep> Steps, IReadOnlySet<Product> Changed) Affected(IReadOnlyList<IBuildStep> steps, IEnumerable<Product> changed)
    {
        var dirty = new HashSet<Product>(changed);
        var affected = new List<IBuildStep>();
        foreach (var step in steps)
        {
            if (!step.Reads.Any(dirty.Contains)) continue;
            affected.Add(step);
            dirty.UnionWith(step.Produces);
        }
        return (affected, dirty);
    }

    /// <summary>Throws, with every problem of the list, unless <paramref name="steps"/> is sound.</summary>
    /// <exception cref="InvalidStepListException">The list reads a product before (or without) its producer.</exception>
    public static void Check(IReadOnlyList<IBuildStep> steps)
    {
        var problems = Problems(steps);
        if (problems.Count > 0) throw new InvalidStepListException(problems);
    }
}

/// <summary>A step list whose steps read products that no earlier step produces.</summary>
public sealed class InvalidStepListException(IReadOnlyList<string> problems)
    : InvalidOperationException("invalid build step list: " + string.Join("; ", problems))
{
    /// <summary>Each problem, one sentence naming the step and the product.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
