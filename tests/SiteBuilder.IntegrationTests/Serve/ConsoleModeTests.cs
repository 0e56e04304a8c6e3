using SiteBuilder.Cli.Output;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>Progress bars only for a person at a terminal; plain lines in CI; no colour with NO_COLOR.</summary>
public sealed class ConsoleModeTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void ATerminalGetsAProgressBarAndColour()
    {
        var mode = ConsoleMode.Detect(quiet: false, verbose: false, Env(), errorRedirected: false);
        Assert.Equal(new ConsoleMode(true, true, Verbosity.Normal), mode);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("1")]
    public void CiGetsPlainLines(string ci)
    {
        var mode = ConsoleMode.Detect(false, false, Env(("CI", ci)), errorRedirected: false);
        Assert.False(mode.Interactive);
    }

    [Fact]
    public void ARedirectedOutputGetsPlainLinesWithoutColour()
    {
        var mode = ConsoleMode.Detect(false, true, Env(), errorRedirected: true);
        Assert.Equal(new ConsoleMode(false, false, Verbosity.Verbose), mode);
    }

    [Fact]
    public void NoColorIsHonouredEvenOnATerminal()
    {
        var mode = ConsoleMode.Detect(true, false, Env(("NO_COLOR", "1")), errorRedirected: false);
        Assert.Equal(new ConsoleMode(true, false, Verbosity.Quiet), mode);
    }

    [Fact]
    public void ADumbTerminalGetsNoProgressBar() =>
        Assert.False(ConsoleMode.Detect(false, false, Env(("TERM", "dumb")), errorRedirected: false).Interactive);
}
