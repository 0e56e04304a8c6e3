namespace SiteBuilder.Output;

/// <summary>Writes a whole set of files as the new content of an output folder, through a <see cref="StagingOutput"/>.</summary>
public static class SiteWriter
{
    /// <summary>Writes <paramref name="files"/> as the new content of <paramref name="outputDir"/>.</summary>
    /// <returns>The number of files written.</returns>
    /// <exception cref="IOException">Writing or the swap failed; the previous site is kept.</exception>
    public static int Write(string outputDir, IEnumerable<OutputFile> files)
    {
        using var staging = new StagingOutput(outputDir);
        foreach (var file in files) staging.TryAdd(file.Path, file.Content);
        return staging.Commit();
    }
}
