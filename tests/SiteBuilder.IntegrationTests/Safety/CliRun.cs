using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SiteBuilder.IntegrationTests.Safety;

/// <summary>One run of the real <c>sitebuilder</c> executable, as a user or CI runs it, killed when it overruns its time.</summary>
public sealed partial class CliRun
{
    private CliRun(int exitCode, string stdout, string stderr, bool timedOut, TimeSpan elapsed)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        TimedOut = timedOut;
        Elapsed = elapsed;
    }

    /// <summary>The exit code (-1 when the run was killed).</summary>
    public int ExitCode { get; }
    /// <summary>What it printed on standard output.</summary>
    public string Stdout { get; }
    /// <summary>What it printed on standard error.</summary>
    public string Stderr { get; }
    /// <summary>True when it overran its time and was killed.</summary>
    public bool TimedOut { get; }
    /// <summary>How long it ran.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Runs <c>sitebuilder ARGS</c> in <paramref name="workingDir"/>.</summary>
    public static CliRun Start(string workingDir, IReadOnlyList<string> args, IDictionary<string, string>? environment, TimeSpan timeout) =>
        Run(workingDir, args, environment, timeout, signalAfter: null);

    /// <summary>Runs <c>sitebuilder ARGS</c> and sends it SIGINT (Ctrl+C) after <paramref name="signalAfter"/>.</summary>
    public static CliRun StartAndSignal(string workingDir, IReadOnlyList<string> args, TimeSpan signalAfter, TimeSpan timeout) =>
        Run(workingDir, args, null, timeout, signalAfter);

    /// <summary>Runs the CLI and sends it SIGINT as soon as <paramref name="signalWhen"/> is true (polled every 5 ms).</summary>
    public static CliRun StartAndSignalWhen(string workingDir, IReadOnlyList<string> args, Func<bool> signalWhen, TimeSpan timeout) =>
        Run(workingDir, args, null, timeout, null, signalWhen);

    private static CliRun Run(string workingDir, IReadOnlyList<string> args, IDictionary<string, string>? environment, TimeSpan timeout, TimeSpan? signalAfter,
        Func<bool>? signalWhen = null)
    {
        // The built executable next to this test assembly (the CLI project is referenced).
        string exe = Path.Combine(AppContext.BaseDirectory, "sitebuilder.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = workingDir,
        };
        psi.ArgumentList.Add(exe);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["CI"] = "true";
        psi.Environment.Remove("SOURCE_DATE_EPOCH");
        if (environment is not null)
            foreach (var (key, value) in environment) psi.Environment[key] = value;
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (signalWhen is not null)
            while (!p.WaitForExit(5) && watch.Elapsed < timeout && !signalWhen()) { }
        if ((signalAfter is { } delay && !p.WaitForExit(delay)) || (signalWhen is not null && !p.HasExited))
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", p.Id.ToString()]) { UseShellExecute = false })!;
            kill.WaitForExit();
        }
        bool exited = p.WaitForExit(timeout);
        if (!exited)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        return new CliRun(exited ? p.ExitCode : -1, stdout.Result, stderr.Result, !exited, watch.Elapsed);
    }

    /// <summary>Fails unless the run ended by itself with <paramref name="expected"/>.</summary>
    public CliRun AssertExit(int expected)
    {
        Assert.False(TimedOut, $"the run did not end within its time ({Elapsed.TotalSeconds:F0} s); it printed:\n{Stderr}");
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}; stderr:\n{Stderr}\nstdout:\n{Stdout}");
        return this;
    }

    /// <summary>
    /// Fails unless a problem line starts with <paramref name="prefix"/>, e.g. <c>pages/a.md:3:1: error SB0102</c>
    /// (the compiler format: <c>path:line:col: severity CODE: message</c>).
    /// </summary>
    public CliRun AssertDiagnostic(string prefix)
    {
        var lines = Stderr.Split('\n').Select(l => l.TrimEnd('\r'));
        Assert.True(lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)),
            $"no problem line starting with '{prefix}'; stderr:\n{Stderr}");
        return this;
    }

    /// <summary>Fails when anything it printed looks like a .NET stack trace or an unhandled exception.</summary>
    public CliRun AssertNoStackTrace()
    {
        string all = Stdout + "\n" + Stderr;
        Assert.False(StackFrame().IsMatch(all), "a stack trace was printed:\n" + all);
        Assert.DoesNotContain("Unhandled exception", all);
        Assert.DoesNotContain("Stack overflow", all);
        Assert.DoesNotContain("unexpected failure", all);
        return this;
    }

    [GeneratedRegex(@"(?m)^\s+at [\w.<>`]+[.(]")]
    private static partial Regex StackFrame();
}
