namespace SiteBuilder.Output;

/// <summary>
/// The only code that writes the output folder. Files go to a staging folder beside it, which then
/// replaces the output in two renames, so a failed or interrupted build leaves the previous site whole.
/// </summary>
public static class SiteWriter
{
    /// <summary>Writes <paramref name="files"/> as the new content of <paramref name="outputDir"/>.</summary>
    /// <returns>The number of files written.</returns>
    public static int Write(string outputDir, IEnumerable<OutputFile> files)
    {
        outputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(outputDir) ?? ".";
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(outputDir);
        string staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(old);

        int count = 0;
        try
        {
            var created = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                string target = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                string dir = Path.GetDirectoryName(target)!;
                if (created.Add(dir)) Directory.CreateDirectory(dir);
                File.WriteAllBytes(target, file.Content);
                count++;
            }
            Directory.CreateDirectory(staging);
            if (Directory.Exists(outputDir)) Directory.Move(outputDir, old);
            Directory.Move(staging, outputDir);
        }
        catch
        {
            // Put the previous site back if the swap got half-way.
            if (!Directory.Exists(outputDir) && Directory.Exists(old)) Directory.Move(old, outputDir);
            DeleteIfExists(staging);
            throw;
        }
        DeleteIfExists(old);
        return count;
    }

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
