namespace SiteBuilder.LinkCheck.Reporting;

/// <summary>Writes an outcome in one format. Output is byte-stable for the same outcome.</summary>
public interface ILinkReporter
{
    /// <summary>Writes the outcome.</summary>
    void Write(LinkCheckOutcome outcome, TextWriter writer);
}
