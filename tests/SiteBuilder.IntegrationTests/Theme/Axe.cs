using System.Text.Json;
using Microsoft.Playwright;
using SiteBuilder.IntegrationTests.Support;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>axe-core (npm, pinned in package.json) injected into a page of real Chromium.</summary>
public static class Axe
{
    /// <summary>The rules that run: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (what Lighthouse also checks).</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly Lazy<string> Script = new(() =>
    {
        string path = Path.Combine(BuiltSite.RepoRoot, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {BuiltSite.RepoRoot} (axe-core is pinned in package.json).");
        return File.ReadAllText(path);
    });

    /// <summary>Every violation axe finds in <paramref name="page"/> as it is now, one per element.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var found = await page.EvaluateAsync<JsonElement>("""
            async tags => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return results.violations.flatMap(v => v.nodes.map(n => ({
                rule: v.id, impact: n.impact || v.impact || '', target: n.target.join(' '), summary: n.failureSummary || v.help })));
            }
            """, Tags);
        return found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("target").GetString()!, v.GetProperty("summary").GetString()!)).ToList();
    }
}

/// <summary>One element that breaks one axe rule.</summary>
/// <param name="Rule">The rule's id, e.g. <c>color-contrast</c>.</param>
/// <param name="Impact"><c>minor</c>, <c>moderate</c>, <c>serious</c> or <c>critical</c>.</param>
/// <param name="Target">A CSS selector of the element.</param>
/// <param name="Summary">axe's explanation of what to fix.</param>
public sealed record AxeViolation(string Rule, string Impact, string Target, string Summary)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Rule} ({Impact}) at {Target}: {Summary.ReplaceLineEndings(" ")}";
}
