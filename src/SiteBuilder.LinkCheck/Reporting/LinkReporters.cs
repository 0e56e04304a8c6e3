namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>Creates the reporter of a format.</summary>
public static class LinkReporters
{
    /// <summary>The reporter for a format.</summary>
    public static ILinkReporter Create(ReportFormat format) => format switch
    {
        ReportFormat.Text => new TextReporter(),
        ReportFormat.Json => new JsonReporter(),
        ReportFormat.GitHub => new GitHubReporter(),
        ReportFormat.Sarif => new SarifReporter(),
        ReportFormat.Markdown => new MarkdownReporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Parses a <c>--format</c> value (<c>text</c>, <c>json</c>, <c>github</c>, <c>sarif</c>, <c>markdown</c>).</summary>
    public static bool TryParse(string? name, out ReportFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(name, out _);
}
