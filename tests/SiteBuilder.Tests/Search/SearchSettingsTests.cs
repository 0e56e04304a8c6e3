using SiteBuilder.Build;
using SiteBuilder.Tests.Support;

namespace SiteBuilder.Tests.Search;

/// <summary>The search settings of site.yml, through a whole build: budgets reported at their values, index_json.</summary>
public class SearchSettingsTests
{
    private const string Pages = """
        -- pages/index.md --
        ---
        title: Home
        ---
        Migration statistics and remittances.
        -- pages/census.md --
        ---
        title: Census rounds
        ---
        The census counts migrants.
        """;

    private static (BuildResult Result, BuildContext Context) Build(string siteYml)
    {
        string dir = TestSites.Write(Pages + "\n-- site.yml --\n" + siteYml);
        return new SiteGenerator().Run(new BuildOptions { SourceDir = dir, OutputDir = Path.Combine(dir, "_site"), DryRun = true });
    }

    [Fact]
    public void Budgets_over_the_size_are_sb1101_at_each_settings_value()
    {
        var (result, _) = Build("""
            title: T
            search:
              budget_bytes: 1000
              query_budget_bytes: 2000
            """);
        Assert.False(result.Succeeded);
        var problems = result.Diagnostics.Where(d => d.Code == "SB1101").Select(d => d.ToString()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("site.yml:3:17: error SB1101: search files are ", problems[0]);
        Assert.StartsWith("site.yml:4:23: error SB1101: a search for '", problems[1]);
    }

    [Fact]
    public void Index_json_writes_the_whole_index_beside_the_shards_and_unknown_keys_warn()
    {
        var (result, context) = Build("""
            title: T
            search:
              index_json: true
              budget: 3
            """);
        Assert.Contains(result.Diagnostics, d => d.ToString() == "site.yml:4:3: warning SB0003: unknown key 'budget' in site.yml's search settings");
        Assert.True(context.Output.Contains("search/index.json"));
        Assert.True(context.Output.Contains("search/manifest.js"));
        var (_, plain) = Build("title: T\n");
        Assert.False(plain.Output.Contains("search/index.json"));
        Assert.True(plain.Output.Contains("search/terms/0.js"));
    }
}
