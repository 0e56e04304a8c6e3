namespace SiteBuilder.Cli.LinkCheck;

/// <summary>A bad option or configuration: reported in one line, exit code 3.</summary>
public sealed class UsageException(string message) : Exception(message);
