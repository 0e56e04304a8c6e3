namespace SiteBuilder.LinkCheck.Policy;

/// <summary>Which broken links fail the run (exit code 2).</summary>
public enum FailurePolicyKind
{
    /// <summary>Every broken link fails the run. The default.</summary>
    Any,

    /// <summary>
    /// For pull requests: broken internal links fail (they are deterministic), broken external links
    /// fail only in pages whose Markdown source changed since the git ref.
    /// </summary>
    PullRequest,

    /// <summary>
    /// For scheduled runs: broken internal links fail; an external link fails only once the ledger has
    /// seen it broken for N consecutive runs (flake quarantine).
    /// </summary>
    Scheduled,
}
