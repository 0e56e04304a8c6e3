namespace SiteBuilder.Cli;

/// <summary>Process exit codes, like lychee's.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>An unexpected failure (a bug).</summary>
    public const int Unexpected = 1;
    /// <summary>Content errors, or broken links by the policy.</summary>
    public const int ContentErrors = 2;
    /// <summary>Bad usage or configuration.</summary>
    public const int Usage = 3;
}
