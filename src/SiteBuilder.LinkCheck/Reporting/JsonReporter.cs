using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>
/// JSON: <c>{"summary":{…},"results":[{"url","status","code","kind","source":{"file","line","column"},"html":{…},"page","pageSource","message","redirectedTo","failing"}]}</c>,
/// one result per link occurrence in report order. The schema is documented in <c>docs/link-check.md</c>.
/// </summary>
public sealed class JsonReporter : ILinkReporter
{
    /// <inheritdoc/>
    public void Write(LinkCheckOutcome outcome, TextWriter writer)
    {
        var report = outcome.Report;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("pages", report.PagesScanned);
            json.WriteNumber("links", report.Results.Count);
            foreach (var status in Enum.GetValues<LinkStatus>()) json.WriteNumber(status.ToName(), report.Count(status));
            json.WriteNumber("externalSkipped", report.ExternalSkipped);
            json.WriteNumber("failing", outcome.Failing.Count);
            json.WriteEndObject();
            json.WriteStartArray("results");
            int written = 0;
            foreach (var r in report.Results)
            {
                // Hand finished text on in chunks: a 10k-page site has ~200k results, too many to hold twice.
                if (++written % 1000 == 0) Drain(json, stream, writer);
                json.WriteStartObject();
                json.WriteString("url", r.Url);
                json.WriteString("status", r.Status.ToName());
                if (r.Code is { } code) json.WriteNumber("code", code); else json.WriteNull("code");
                json.WriteString("kind", r.Kind == LinkKind.Internal ? "internal" : "external");
                WriteLocation(json, "source", r.Source);
                WriteLocation(json, "html", r.Html);
                json.WriteString("page", r.Page);
                json.WriteString("pageSource", r.PageSource);
                json.WriteString("message", r.Message);
                json.WriteString("redirectedTo", r.RedirectedTo);
                json.WriteBoolean("failing", outcome.IsFailing(r));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            Drain(json, stream, writer);
        }
        writer.Write('\n');
    }

    private static void Drain(Utf8JsonWriter json, MemoryStream stream, TextWriter writer)
    {
        json.Flush();
        // Chunks end between JSON tokens, which are whole UTF-8 sequences, so each decodes on its own.
        writer.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        stream.SetLength(0);
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation location)
    {
        json.WriteStartObject(name);
        json.WriteString("file", location.Path);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }
}
