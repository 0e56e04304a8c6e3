using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one rule per status (<c>link/broken</c>,
/// <c>link/unverifiable</c>, <c>link/redirected</c>), one result per problem at its source position.
/// Broken links that fail the policy are errors; other broken and unverifiable links warnings;
/// permanent redirects notes.
/// </summary>
public sealed class SarifReporter : ILinkReporter
{
    private static readonly (LinkStatus Status, string Id, string Name, string Description)[] Rules =
    [
        (LinkStatus.Broken, "link/broken", "BrokenLink", "The link target is missing, answers an error, times out, or is a soft 404."),
        (LinkStatus.Unverifiable, "link/unverifiable", "UnverifiableLink", "The link could not be verified: a bot wall or rate limiting."),
        (LinkStatus.Redirected, "link/redirected", "PermanentRedirect", "The link target moved permanently; update the link."),
    ];

    /// <summary>The rule id for a status.</summary>
    public static string RuleId(LinkStatus status) => Rules.First(r => r.Status == status).Id;

    /// <inheritdoc/>
    public void Write(LinkCheckOutcome outcome, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "sitebuilder check-links");
            json.WriteString("semanticVersion", "1.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var r in outcome.Problems)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", RuleId(r.Status));
                json.WriteNumber("ruleIndex", Array.FindIndex(Rules, x => x.Status == r.Status));
                json.WriteString("level", outcome.IsFailing(r) ? "error" : r.Status == LinkStatus.Redirected ? "note" : "warning");
                json.WriteStartObject("message");
                json.WriteString("text", GitHubReporter.Message(r));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", r.Source.Path);
                json.WriteString("uriBaseId", "%SRCROOT%");
                json.WriteEndObject();
                if (r.Source.Line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", r.Source.Line);
                    if (r.Source.Column > 0) json.WriteNumber("startColumn", r.Source.Column);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                // Stable across runs, so code scanning tracks one alert per link rather than per position.
                json.WriteStartObject("partialFingerprints");
                json.WriteString("linkUrl/v1", $"{r.Source.Path}|{r.Url}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }
}
