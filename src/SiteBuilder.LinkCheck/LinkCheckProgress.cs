namespace SiteBuilder.LinkCheck;

/// <summary>Progress of the external checks, for a progress bar the caller draws.</summary>
/// <param name="Done">Unique external URLs finished.</param>
/// <param name="Total">Unique external URLs to check.</param>
/// <param name="LastUrl">The URL that just finished.</param>
public readonly record struct LinkCheckProgress(int Done, int Total, string LastUrl);
