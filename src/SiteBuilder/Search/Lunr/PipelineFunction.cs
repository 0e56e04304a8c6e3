namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A named token transform in a <see cref="Pipeline"/>. The label is what lunr serializes (<c>"stemmer"</c>), so
/// lunr.js can load the index only when every label is one it has registered.
/// </summary>
/// <param name="Label">The registered name, e.g. <c>trimmer</c>, <c>stopWordFilter</c>, <c>stemmer</c>.</param>
/// <param name="Apply">Returns the (possibly updated) token, or null to drop it.</param>
public sealed record PipelineFunction(string Label, Func<Token, Token?> Apply);
