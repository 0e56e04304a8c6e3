namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>
/// GitHub Actions workflow commands, one per problem: <c>::error file=pages/x.md,line=12,col=5,title=broken link::…</c>
/// for links that fail the policy, <c>::warning</c> for other broken and unverifiable links,
/// <c>::notice</c> for permanent redirects.
/// </summary>
public sealed class GitHubReporter : ILinkReporter
{
    /// <inheritdoc/>
    public void Write(LinkCheckOutcome outcome, TextWriter writer)
    {
        foreach (var r in outcome.Problems)
        {
            string command = outcome.IsFailing(r) ? "error" : r.Status == LinkStatus.Redirected ? "notice" : "warning";
            var properties = new List<string> { $"file={EscapeProperty(r.Source.Path)}" };
            if (r.Source.Line > 0) properties.Add($"line={r.Source.Line}");
            if (r.Source.Column > 0) properties.Add($"col={r.Source.Column}");
            properties.Add($"title={EscapeProperty(r.Status.ToName() + " link")}");
            writer.Write($"::{command} {string.Join(',', properties)}::{EscapeData(Message(r))}\n");
        }
        writer.Write($"::notice title=link check::{EscapeData(TextReporter.SummaryLine(outcome))}\n");
    }

    /// <summary>The annotation text of a result.</summary>
    public static string Message(LinkResult r) => r.Status switch
    {
        LinkStatus.Redirected => $"{r.Url} moved permanently to {r.RedirectedTo}",
        _ => $"{r.Status.ToName()} link {r.Url}" + (r.Code is { } c ? $" ({c})" : "") + (r.Message is { } m ? $": {m}" : ""),
    };

    // Escaping as the Actions runner decodes it (toolkit/packages/core/src/command.ts).
    private static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
