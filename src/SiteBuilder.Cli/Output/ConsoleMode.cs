namespace SiteBuilder.Cli.Output;

/// <summary>
/// What the terminal can take: a live progress bar only on an interactive terminal outside CI, colour
/// unless <c>NO_COLOR</c> is set (https://no-color.org) or the output is not a terminal.
/// </summary>
/// <param name="Interactive">A person is watching a terminal: progress bars may redraw lines.</param>
/// <param name="Color">ANSI colours may be used.</param>
/// <param name="Verbosity">Quiet, normal or verbose.</param>
public sealed record ConsoleMode(bool Interactive, bool Color, Verbosity Verbosity)
{
    /// <summary>True on a CI runner (<c>CI=true</c>, set by GitHub Actions and most others).</summary>
    public static bool IsCi(Func<string, string?> env) =>
        env("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Detects the mode from the environment and whether standard error is redirected.</summary>
    public static ConsoleMode Detect(bool quiet, bool verbose) =>
        Detect(quiet, verbose, Environment.GetEnvironmentVariable, Console.IsErrorRedirected);

    /// <summary>Detects the mode from the given environment (testable).</summary>
    public static ConsoleMode Detect(bool quiet, bool verbose, Func<string, string?> env, bool errorRedirected)
    {
        bool terminal = !errorRedirected && !IsCi(env) && env("TERM") != "dumb";
        bool color = !errorRedirected && string.IsNullOrEmpty(env("NO_COLOR"));
        var verbosity = quiet ? Verbosity.Quiet : verbose ? Verbosity.Verbose : Verbosity.Normal;
        return new ConsoleMode(terminal, color, verbosity);
    }
}
