namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>The output formats of <c>--format</c>.</summary>
public enum ReportFormat
{
    /// <summary>Human-readable, grouped by file, with a summary per host.</summary>
    Text,

    /// <summary><c>{"results":[…]}</c>, one result per link occurrence.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…,col=…::…</c>).</summary>
    GitHub,

    /// <summary>SARIF 2.1.0, for code scanning.</summary>
    Sarif,

    /// <summary>A Markdown summary for <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    Markdown,
}
