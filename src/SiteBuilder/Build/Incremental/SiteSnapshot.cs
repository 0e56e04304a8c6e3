namespace SiteBuilder.Build.Incremental;

/// <summary>A published, immutable version of the built site, held in memory.</summary>
/// <param name="Version">Increases with every successful rebuild; 0 before the first.</param>
/// <param name="Files">File contents by output-relative path (<c>dimis/index.html</c>), ordinal keys.</param>
public sealed record SiteSnapshot(int Version, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>The empty site served before the first successful build.</summary>
    public static SiteSnapshot Empty { get; } = new(0, new Dictionary<string, byte[]>(StringComparer.Ordinal));
}
