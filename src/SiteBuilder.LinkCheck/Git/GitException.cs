namespace SiteBuilder.LinkCheck.Git;

/// <summary>git could not answer (not installed, not a repository, unknown ref).</summary>
public sealed class GitException(string message) : Exception(message);
