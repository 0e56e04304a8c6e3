namespace SiteBuilder.Build;

/// <summary>
/// A step that can bring its products up to date for a change instead of being run again whole: the preview calls
/// <see cref="Update"/> with what changed since its last run (per product: all of it, or some pages), and the step
/// updates its products in place. A step that is not incremental is simply run again (<see cref="IBuildStep.Execute"/>)
/// when a product it reads changed, so implementing this is an optimisation, never needed for a new step to work.
/// </summary>
public interface IIncrementalStep : IBuildStep
{
    /// <summary>
    /// Updates this step's products for <paramref name="changes"/>, which name only products this step reads; the
    /// step records in <paramref name="changes"/> what of its own products changed, for the steps after it.
    /// </summary>
    void Update(BuildContext context, ProductChanges changes);
}
