namespace SiteBuilder.Output;

/// <summary>
/// The bridge from the built site back to Markdown: for each output HTML file, the page source
/// that produced it and the links its Markdown content wrote, with 1-based Markdown positions.
/// The build writes it to <c>SOURCE/.sitebuilder/sourcemap.json</c>, outside the published files;
/// <c>sitebuilder check-links</c> reads it to report links where they are written.
/// </summary>
/// <param name="Version">Format version; currently <see cref="CurrentVersion"/>.</param>
/// <param name="Output">The output folder the map describes, relative to the source root (e.g. <c>_site</c>).</param>
/// <param name="Pages">Keyed by output path relative to the site root, with <c>/</c> (e.g. <c>dimis/index.html</c>).</param>
public sealed record SourceMap(int Version, string Output, IReadOnlyDictionary<string, SourceMapPage> Pages)
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Where the map lives, relative to the source root.</summary>
    public const string RelativePath = ".sitebuilder/sourcemap.json";

    /// <summary>The page entry for an output path, or null.</summary>
    public SourceMapPage? Find(string outputPath) =>
        Pages.TryGetValue(outputPath.Replace('\\', '/'), out var page) ? page : null;
}
