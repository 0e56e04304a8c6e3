using System.Reflection;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>CONTRIBUTING.md tells contributors how to read every diagnostic: its codes table must stay complete.</summary>
public sealed class ContributingGuideTests
{
    [Fact]
    public void EveryDiagnosticCodeIsInTheContributingGuide()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "SiteBuilder.sln"))) repo = repo.Parent!;
        string guide = File.ReadAllText(Path.Combine(repo.FullName, "CONTRIBUTING.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => ((string)f.GetRawConstantValue()!, f.Name)).ToList();
        Assert.NotEmpty(codes);
        var missing = codes.Where(c => !guide.Contains($"| {c.Item1} | {c.Name} |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "CONTRIBUTING.md lacks: " + string.Join(", ", missing.Select(m => m.Item1 + " " + m.Name)));
    }
}
