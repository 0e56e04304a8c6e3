using SiteBuilder.IntegrationTests.Support;
using System.Text.Json;

namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>
/// The mirror's seed document is readable on the mirror itself: the pages citing <c>url: seed</c> link a copy inside the
/// built site, and the link checker follows each of those links to it.
/// </summary>
public sealed class SeedDocumentTests
{
    [Fact]
    public void PagesCitingTheSeedLinkItsCopyInTheSiteAndCheckLinksFindsIt()
    {
        string source = RepositoryCopy.Create();
        string site = Path.Combine(source, "_site");
        Assert.Equal(0, Run("build", "--source", source, "--output", site, "--quiet").Exit);
        string seed = Directory.EnumerateFiles(Path.Combine(source, "seeds")).Single();
        string published = Path.Combine(site, "seeds", Path.GetFileName(seed));
        Assert.Equal(File.ReadAllBytes(seed), File.ReadAllBytes(published));

        string report = Path.Combine(source, "links.json");
        var (exit, stderr) = Run("check-links", "--site", site, "--source", source, "--offline", "--format", "json", "--output", report);
        Assert.True(exit == 0, stderr);
        var toSeed = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("url").GetString()!.EndsWith("seeds/" + Path.GetFileName(seed), StringComparison.Ordinal)).ToList();
        // Every page that cites the seed (29 today) links it from its sources list.
        Assert.True(toSeed.Count >= 29, $"{toSeed.Count} links to the seed");
        Assert.All(toSeed, r => Assert.Equal("ok", r.GetProperty("status").GetString()));

        // The checker does look: without the copy, each of those links is broken.
        File.Delete(published);
        Assert.Equal(2, Run("check-links", "--site", site, "--source", source, "--offline").Exit);
    }

    private static (int Exit, string Stderr) Run(params string[] args)
    {
        var (code, _, stderr) = CliProcess.Run(args);
        return (code, stderr);
    }
}
