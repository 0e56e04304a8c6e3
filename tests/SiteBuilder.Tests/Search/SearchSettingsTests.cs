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

    [Fact]
    public void Without_settings_the_default_budgets_apply()
    {
        var (result, context) = Build("title: T\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        string summary = Assert.Single(context.Summary, line => line.StartsWith("Search index: ", StringComparison.Ordinal));
        Assert.Contains(", budget 1.0 GiB;", summary);
        Assert.EndsWith(" gzipped, budget 2.0 MiB", summary);
    }

    [Fact]
    public void A_page_past_the_search_text_limit_is_indexed_up_to_it_with_a_warning()
    {
        // 600,000 characters of one word, then a word past the limit.
        string body = string.Concat(Enumerable.Repeat("alpha ", 100_000)) + "zebraword\n";
        string dir = TestSites.Write(Pages + "\n-- site.yml --\ntitle: T\n-- pages/long.md --\n---\ntitle: Long\n---\n" + body);
        var (result, context) = new SiteGenerator().Run(new BuildOptions { SourceDir = dir, OutputDir = Path.Combine(dir, "_site"), DryRun = true });
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "SB1102");
        Assert.Equal("pages/long.md:1:1: warning SB1102: this page has 600,010 characters of text; search indexes the first 524,288 (split the page to make the rest searchable)", warning.ToString());
        var files = ((SiteBuilder.Output.MemoryOutput)context.Output).Files;
        var search = files.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal)).Select(f => System.Text.Encoding.UTF8.GetString(f.Value)).ToList();
        Assert.Contains(search, text => text.Contains("\"alpha\"", StringComparison.Ordinal));
        Assert.DoesNotContain(search, text => text.Contains("zebraword", StringComparison.Ordinal));
        Assert.Contains("zebraword", System.Text.Encoding.UTF8.GetString(files["long/index.html"]));
    }
}
