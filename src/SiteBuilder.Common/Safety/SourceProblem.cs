namespace SiteBuilder.Safety;

/// <summary>Why a source file was not read: a stable diagnostic code and a sentence for the user.</summary>
/// <param name="Code">SB0110 (unsafe entry), SB0111 (missing or unreadable) or SB0112 (too large).</param>
/// <param name="Message">What was found, e.g. "a symbolic link that leads outside the source folder".</param>
public sealed record SourceProblem(string Code, string Message);
