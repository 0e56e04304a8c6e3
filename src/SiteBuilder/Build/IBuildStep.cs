namespace SiteBuilder.Build;

/// <summary>One named step of the build. Steps run in the order <see cref="SiteGenerator"/> lists them.</summary>
public interface IBuildStep
{
    /// <summary>Verb-noun name, e.g. <c>ResolveLinks</c>, shown in timings.</summary>
    string Name { get; }

    /// <summary>Reads what earlier steps left in the context and adds its own results.</summary>
    void Execute(BuildContext context);
}
