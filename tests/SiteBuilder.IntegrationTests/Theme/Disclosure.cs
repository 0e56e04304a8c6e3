using System.Text.Json;
using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Theme;

/// <summary>What assistive technology is told about a disclosure button, read from Chromium's accessibility tree.</summary>
public static class Disclosure
{
    /// <summary>The role and expanded state Chromium exposes for the first element matching <paramref name="selector"/>.</summary>
    public static async Task<(string Role, bool? Expanded)> StateAsync(IBrowserContext context, IPage tab, string selector)
    {
        var cdp = await context.NewCDPSessionAsync(tab);
        var document = (await cdp.SendAsync("DOM.getDocument"))!.Value;
        int root = document.GetProperty("root").GetProperty("nodeId").GetInt32();
        var found = (await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector }))!.Value;
        var tree = (await cdp.SendAsync("Accessibility.getPartialAXTree",
            new() { ["nodeId"] = found.GetProperty("nodeId").GetInt32(), ["fetchRelatives"] = false }))!.Value;
        var node = tree.GetProperty("nodes")[0];
        bool? expanded = null;
        if (node.TryGetProperty("properties", out var properties))
            foreach (var p in properties.EnumerateArray())
                if (p.GetProperty("name").GetString() == "expanded") expanded = p.GetProperty("value").GetProperty("value").GetBoolean();
        await cdp.DetachAsync();
        return (node.GetProperty("role").GetProperty("value").GetString()!, expanded);
    }
}
