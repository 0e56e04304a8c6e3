using System.Diagnostics;

namespace SiteBuilder.IntegrationTests.Support;

/// <summary>Runs the built <c>sitebuilder</c> executable (beside this test assembly) as a user would, without colour.</summary>
public static class CliProcess
{
    /// <summary>Runs <c>sitebuilder ARGS…</c> and returns its exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sitebuilder.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
