namespace SiteBuilder.Cli.Output;

/// <summary>How much a command prints besides problems.</summary>
public enum Verbosity
{
    /// <summary><c>--quiet</c>: problems and failures only.</summary>
    Quiet,
    /// <summary>Progress and a summary.</summary>
    Normal,
    /// <summary><c>--verbose</c>: also timings and what each step did.</summary>
    Verbose,
}
