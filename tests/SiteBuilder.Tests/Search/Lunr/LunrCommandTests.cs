using System.Text.Json;
using SiteBuilder.Cli;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary><c>sitebuilder lunr</c> end to end: arguments → index file identical to lunr.js's; bad input → message and exit code.</summary>
public class LunrCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lunrcmd-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Command_line_builds_the_same_index_as_lunr_js()
    {
        var docs = TestCorpus.Documents();
        var input = WriteFile("docs.json", JsonSerializer.Serialize(docs));
        var output = Path.Combine(_dir.FullName, "out", "index.json");

        var code = Program.Main(new[] { "lunr", "--input", input, "--ref", "id", "--field", "title:10", "--field", "body", "--field", "labels:5", "--output", output });

        Assert.Equal(ExitCodes.Ok, code);
        var expected = IndexBuilderTests.BuildTheirs(docs, new[] { ("title", 10.0), ("body", 1.0), ("labels", 5.0) });
        IndexBuilderTests.AssertSameBytes(expected, File.ReadAllBytes(output));
    }

    [Theory]
    [InlineData("missing.json", null, ExitCodes.Usage, "does not exist")]
    [InlineData("docs.json", "{\"id\": 1}", ExitCodes.ContentErrors, "expected a JSON array of documents, found an object")]
    [InlineData("docs.json", "[{\"id\": 1}, 2]", ExitCodes.ContentErrors, "document #2 is a number, not an object")]
    [InlineData("docs.json", "[{\"id\": 1}, {\"title\": \"x\"}]", ExitCodes.ContentErrors, "document #2 has no 'id' property")]
    [InlineData("docs.json", "[{\"id\": 1,", ExitCodes.ContentErrors, ":1:10: error SB0021: not valid JSON: ")]
    public void Bad_input_gives_a_clear_message_and_exit_code(string name, string? content, int exitCode, string message)
    {
        var path = content == null ? Path.Combine(_dir.FullName, name) : WriteFile(name, content);
        var err = new StringWriter();
        var code = LunrCommand.Run(new FileInfo(path), "id", new[] { "title:10", "body" }, Array.Empty<string>(), new FileInfo(Path.Combine(_dir.FullName, "i.json")), err);
        Assert.Equal(exitCode, code);
        Assert.Contains(message, err.ToString());
        Assert.DoesNotContain("   at ", err.ToString());
    }

    [Fact]
    public void A_boost_that_is_not_a_number_is_a_usage_error()
    {
        var err = new StringWriter();
        var code = LunrCommand.Run(new FileInfo(WriteFile("d.json", "[]")), "id", new[] { "title:ten" }, Array.Empty<string>(), null, err);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("must be a number, as in title:10", err.ToString());
    }
}
