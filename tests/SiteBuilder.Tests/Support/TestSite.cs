using System.Text;
using SiteBuilder.Build;

namespace SiteBuilder.Tests.Support;

/// <summary>
/// A whole site written inline, Hugo-style: <c>-- path --</c> lines start each file. The site lives in a
/// temporary folder that is deleted with the object.
/// </summary>
public sealed class TestSite : IDisposable
{
    private TestSite(string root) => Root = root;

    /// <summary>The site's folder.</summary>
    public string Root { get; }
    /// <summary>The default output folder.</summary>
    public string Output => Path.Combine(Root, "_site");

    /// <summary>Writes the files of <paramref name="spec"/> into a new temporary folder.</summary>
    public static TestSite Create(string spec)
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("sitebuilder-test-").FullName);
        site.Write(spec);
        return site;
    }

    /// <summary>Adds or replaces files.</summary>
    public void Write(string spec)
    {
        string? path = null;
        var content = new StringBuilder();
        foreach (string line in spec.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush(path, content);
                path = line[3..^3].Trim();
                content.Clear();
            }
            else if (path is not null) content.Append(line).Append('\n');
        }
        Flush(path, content);
    }

    /// <summary>Writes raw bytes to a file of the site.</summary>
    public void WriteBytes(string path, byte[] bytes)
    {
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Builds the site.</summary>
    public BuildResult Build(string? output = null, bool strict = false) =>
        new SiteGenerator().Build(new BuildOptions { SourceDir = Root, OutputDir = output, Strict = strict });

    /// <summary>Reads an output file.</summary>
    public string ReadOutput(string path) => File.ReadAllText(Path.Combine(Output, path));

    /// <summary>
    /// The problems (errors and warnings) as compiler-style lines. Notes are left out: most test sites have no
    /// <c>base_url</c>, and the note that says so (SB0040) is pinned by its own tests.
    /// </summary>
    public static string[] Lines(BuildResult result) => result.Diagnostics.Where(d => d.FailsStrict).Select(d => d.ToString()).ToArray();

    private void Flush(string? path, StringBuilder content)
    {
        if (path is null) return;
        string full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // A trailing blank line separates blocks in the spec; it is not part of the file.
        File.WriteAllText(full, content.ToString().TrimEnd('\n') + "\n");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
