using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli.Output;

/// <summary>Prints diagnostics the way compilers do (GitHub problem matchers and editors read this form).</summary>
public static class DiagnosticPrinter
{
    /// <summary>Writes each diagnostic on its own line, with colour on a terminal unless <c>NO_COLOR</c> is set.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        bool color = UseColor(writer);
        foreach (var d in diagnostics)
        {
            string line = d.ToString();
            if (d.Related is { } related && !line.Contains(related.Path, StringComparison.Ordinal)) line += $" (while rendering {related})";
            if (!color) writer.WriteLine(line);
            else writer.WriteLine((d.IsError ? "\u001b[31m" : d.IsWarning ? "\u001b[33m" : "\u001b[36m") + line + "\u001b[0m");
        }
    }

    /// <summary>True when writing to a terminal and neither <c>NO_COLOR</c> nor CI asks for plain text.</summary>
    public static bool UseColor(TextWriter writer)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return false;
        if (writer == Console.Error) return !Console.IsErrorRedirected;
        if (writer == Console.Out) return !Console.IsOutputRedirected;
        return false;
    }
}
