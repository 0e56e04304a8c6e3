namespace SiteBuilder.LinkCheck;

/// <summary>Everything one run found, in stable order (by source location, then URL).</summary>
/// <param name="Results">One result per link occurrence that was checked (or excluded).</param>
/// <param name="PagesScanned">How many HTML files were read.</param>
/// <param name="ExternalSkipped">External link occurrences not checked (offline, or page unchanged since the git ref).</param>
/// <param name="ExternalRequests">External URLs actually requested this run (not answered from the cache).</param>
public sealed record LinkCheckReport(IReadOnlyList<LinkResult> Results, int PagesScanned, int ExternalSkipped, int ExternalRequests)
{
    /// <summary>How many results have the given status.</summary>
    public int Count(LinkStatus status) => Results.Count(r => r.Status == status);
}
