namespace SiteBuilder.Build;

/// <summary>
/// Progress of a build, reported through <see cref="BuildOptions.Progress"/> before each step, so a
/// front end can show a progress bar or plain lines. The library itself never prints.
/// </summary>
/// <param name="Step">Name of the step starting, e.g. <c>ResolveLinks</c>.</param>
/// <param name="Index">0-based position of the step.</param>
/// <param name="Count">Number of steps in the build.</param>
public sealed record BuildProgress(string Step, int Index, int Count)
{
    /// <summary>Fraction of the steps done before this one, 0 to 1.</summary>
    public double Fraction => Count == 0 ? 1 : (double)Index / Count;
}
