namespace SiteBuilder.LinkCheck.Tests.Support;

/// <summary>Finds <c>tests/fixtures/linkcheck/…</c> and writes inline test sites.</summary>
public static class Fixtures
{
    /// <summary>The folder of a fixture scenario.</summary>
    public static string Path(string scenario)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "linkcheck", scenario);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"fixture '{scenario}' not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Writes a whole site written inline as <c>-- path --</c> blocks (Hugo's txtar style) into a new
    /// temporary folder and returns it.
    /// </summary>
    public static string WriteInline(string text)
    {
        string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sb-linkcheck-" + Guid.NewGuid().ToString("N")[..10]);
        string? current = null;
        var content = new System.Text.StringBuilder();
        void Flush()
        {
            if (current is null) return;
            string file = System.IO.Path.Combine(root, current);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content.ToString());
            content.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal))
            {
                Flush();
                current = line[3..^3].Trim();
            }
            else if (current is not null)
            {
                content.Append(line).Append('\n');
            }
        }
        Flush();
        return root;
    }
}
