namespace SiteBuilder.Build;

/// <summary>
/// One named step of the build. It declares the products it reads and produces; <see cref="SiteGenerator"/> refuses a
/// step list in which a step reads what no earlier step produces, and <see cref="BuildContext"/> refuses a step a
/// product it did not declare.
/// </summary>
public interface IBuildStep
{
    /// <summary>Verb-noun name, e.g. <c>ResolveLinks</c>, shown in timings.</summary>
    string Name { get; }

    /// <summary>The products this step reads; each is made by an earlier step (or is optional, or gathered).</summary>
    IReadOnlyList<Product> Reads { get; }

    /// <summary>The products this step makes (or, for a gathered product such as the output, adds to).</summary>
    IReadOnlyList<Product> Produces { get; }

    /// <summary>Reads its products from the context and adds its own.</summary>
    void Execute(BuildContext context);
}
