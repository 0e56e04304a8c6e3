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
    /// Updates this step's products for <paramref name="changes"/> (what changed of the products it reads, since its last
    /// run) and records in <paramref name="changes"/> what of its own products changed, for the steps after it. Its
    /// problems from its last run are in <see cref="BuildContext.Diagnostics"/>: it leaves there its current ones (and its
    /// current summary lines in the summary, which starts empty). False when it cannot update in place (e.g. it has not
    /// run yet): the engine then runs it whole (<see cref="IBuildStep.Execute"/>) and marks all its products changed.
    /// </summary>
    bool Update(BuildContext context, ProductChanges changes);
}
