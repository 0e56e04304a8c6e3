using System.Text.Json;
using SiteBuilder.Diagnostics;
using SiteBuilder.LinkCheck.Reporting;

namespace SiteBuilder.LinkCheck.Tests.Reporting;

public sealed class ReporterTests
{
    private static readonly LinkResult Gone = new("https://unece.org/gone", LinkKind.External, LinkStatus.Broken, 404,
        new SourceLocation("pages/x.md", 12, 5), new SourceLocation("_site/x/index.html", 30, 9), "x/index.html", "pages/x.md", "404 NotFound");
    private static readonly LinkResult Moved = new("https://unece.org/old", LinkKind.External, LinkStatus.Redirected, 200,
        new SourceLocation("pages/x.md", 14, 1), new SourceLocation("_site/x/index.html", 31, 1), "x/index.html", "pages/x.md", "moved permanently", "https://unece.org/new");
    private static readonly LinkResult Wall = new("https://www.linkedin.com/in/x", LinkKind.External, LinkStatus.Unverifiable, 999,
        new SourceLocation("_site/index.html", 7, 3), new SourceLocation("_site/index.html", 7, 3), "index.html", null, "bot wall (challenge page)");
    private static readonly LinkResult Fine = new("../about/", LinkKind.Internal, LinkStatus.Ok, null,
        new SourceLocation("pages/x.md", 3, 1), new SourceLocation("_site/x/index.html", 20, 1), "x/index.html", "pages/x.md", null);
    private static readonly LinkResult Tolerated = Gone with { Url = "https://unece.org/flaky", Source = new SourceLocation("pages/y.md", 2, 7) };

    private static LinkCheckOutcome Outcome() =>
        new(new LinkCheckReport([Fine, Gone, Moved, Tolerated, Wall], 3, 2, 9), [Gone]);

    private static string Write(ReportFormat format)
    {
        var writer = new StringWriter();
        LinkReporters.Create(format).Write(Outcome(), writer);
        return writer.ToString();
    }

    [Fact]
    public void Json_HasOneResultPerOccurrence_WithTheDocumentedShape()
    {
        using var doc = JsonDocument.Parse(Write(ReportFormat.Json));
        var results = doc.RootElement.GetProperty("results");
        Assert.Equal(5, results.GetArrayLength());
        var gone = results[1];
        Assert.Equal("https://unece.org/gone", gone.GetProperty("url").GetString());
        Assert.Equal("broken", gone.GetProperty("status").GetString());
        Assert.Equal(404, gone.GetProperty("code").GetInt32());
        Assert.Equal("external", gone.GetProperty("kind").GetString());
        var source = gone.GetProperty("source");
        Assert.Equal(("pages/x.md", 12, 5), (source.GetProperty("file").GetString(), source.GetProperty("line").GetInt32(), source.GetProperty("column").GetInt32()));
        Assert.Equal("_site/x/index.html", gone.GetProperty("html").GetProperty("file").GetString());
        Assert.True(gone.GetProperty("failing").GetBoolean());
        Assert.False(results[3].GetProperty("failing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("code").ValueKind);
        Assert.Equal("https://unece.org/new", results[2].GetProperty("redirectedTo").GetString());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("broken").GetInt32());
        Assert.Equal(1, summary.GetProperty("failing").GetInt32());
        Assert.Equal(2, summary.GetProperty("externalSkipped").GetInt32());
    }

    [Fact]
    public void Json_StaysValidAcrossOutputChunks()
    {
        var many = Enumerable.Range(0, 2500).Select(i => Fine with { Url = $"../p{i}/é" }).ToList();
        var writer = new StringWriter();
        new JsonReporter().Write(new LinkCheckOutcome(new LinkCheckReport(many, 1, 0, 0), []), writer);
        using var doc = JsonDocument.Parse(writer.ToString());
        var results = doc.RootElement.GetProperty("results");
        Assert.Equal(2500, results.GetArrayLength());
        Assert.Equal("../p2499/é", results[2499].GetProperty("url").GetString());
    }

    [Fact]
    public void GitHub_WritesOneAnnotationPerProblem_ErrorOnlyForFailingLinks()
    {
        var lines = Write(ReportFormat.GitHub).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("::error file=pages/x.md,line=12,col=5,title=broken link::broken link https://unece.org/gone (404): 404 NotFound", lines[0]);
        Assert.Equal("::notice file=pages/x.md,line=14,col=1,title=redirected link::https://unece.org/old moved permanently to https://unece.org/new", lines[1]);
        Assert.Equal("::warning file=pages/y.md,line=2,col=7,title=broken link::broken link https://unece.org/flaky (404): 404 NotFound", lines[2]);
        Assert.StartsWith("::warning file=_site/index.html,line=7,col=3,title=unverifiable link::", lines[3]);
        Assert.StartsWith("::notice title=link check::", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void GitHub_EscapesPropertyAndDataCharacters()
    {
        var odd = Gone with { Source = new SourceLocation("pages/a,b:c.md", 1, 1), Message = "50% bad\nreally" };
        var writer = new StringWriter();
        new GitHubReporter().Write(new LinkCheckOutcome(new LinkCheckReport([odd], 1, 0, 1), [odd]), writer);
        Assert.StartsWith("::error file=pages/a%2Cb%3Ac.md,line=1,col=1,title=broken link::broken link https://unece.org/gone (404): 50%25 bad%0Areally\n", writer.ToString());
    }

    [Fact]
    public void Sarif_HasTheRequiredProperties_AndARulePerStatus()
    {
        using var doc = JsonDocument.Parse(Write(ReportFormat.Sarif));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["link/broken", "link/unverifiable", "link/redirected"], ruleIds);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var r in results)
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
            Assert.Contains(r.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Equal(r.GetProperty("ruleId").GetString(), ruleIds[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            var physical = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.False(string.IsNullOrEmpty(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
        Assert.Equal(["error", "note", "warning", "warning"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.Equal(12, results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Markdown_HasACountTable_AndAProblemTable()
    {
        string md = Write(ReportFormat.Markdown);
        Assert.StartsWith("## Link check\n\n**1 broken link fail the policy.**\n\n| Status | Links |\n|---|---:|\n| ok | 1 |\n| redirected | 1 |\n| broken | 2 |\n| unverifiable | 1 |\n| excluded | 0 |\n", md);
        Assert.Contains("### Broken links\n\n| Where | Link | Code | Detail |\n|---|---|---:|---|\n| `pages/x.md:12:5` | https://unece.org/gone | 404 | **fails** 404 NotFound |\n| `pages/y.md:2:7` | https://unece.org/flaky | 404 | 404 NotFound |\n", md);
        Assert.Contains("| `pages/x.md:14:1` | https://unece.org/old | 200 | → https://unece.org/new |", md);
        Assert.Contains("| unece.org | 3 | 0 | 1 | 2 | 0 | 0 |", md);
        Assert.Contains("| (internal) | 1 | 1 | 0 | 0 | 0 | 0 |", md);
    }

    [Fact]
    public void Text_GroupsProblemsByFile_AndSummarizesHosts()
    {
        string text = Write(ReportFormat.Text);
        Assert.StartsWith("_site/index.html\n  7:3      unverifiable  999  https://www.linkedin.com/in/x  bot wall (challenge page)\n\npages/x.md\n  12:5     broken        404  https://unece.org/gone  404 NotFound\n", text.Replace("\r\n", "\n"));
        Assert.Contains("https://unece.org/flaky  404 NotFound (tolerated by the policy)", text);
        Assert.Matches(@"\n  unece\.org +3 links: 0 ok, 1 redirected, 2 broken, 0 unverifiable, 0 excluded\n", text);
        Assert.Matches(@"\n  www\.linkedin\.com +1 links: 0 ok, 0 redirected, 0 broken, 1 unverifiable, 0 excluded\n", text);
        Assert.EndsWith("5 links in 3 pages: 1 ok, 1 redirected, 2 broken, 1 unverifiable, 0 excluded; 2 external not checked. 1 broken link fail the policy.\n", text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Formats_ParseByName()
    {
        Assert.True(LinkReporters.TryParse("sarif", out var f) && f == ReportFormat.Sarif);
        Assert.True(LinkReporters.TryParse("github", out f) && f == ReportFormat.GitHub);
        Assert.False(LinkReporters.TryParse("xml", out _));
        Assert.False(LinkReporters.TryParse("1", out _));
    }
}
