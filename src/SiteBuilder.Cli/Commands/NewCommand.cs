using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteBuilder.Build;
using SiteBuilder.Cli.Output;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Safety;
using SiteBuilder.Scaffolding;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder new SECTION/SLUG --title "…"</c>: creates <c>pages/SECTION/SLUG.md</c> with the
/// section's front matter (<see cref="PageTemplate"/>). Never overwrites a file.
/// </summary>
public static partial class NewCommand
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("SECTION/SLUG") { Description = "Where the page goes under pages/, e.g. dimis/poland-border-crossings" };
        var title = new Option<string>("--title", "-t") { Description = "The page title", Required = true };
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding pages/ and site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("new", "Create a page with its section's front matter (never overwrites)") { target, title, source };
        command.SetAction(parse => Run(parse.GetValue(source)!.FullName, parse.GetValue(target)!, parse.GetValue(title)!, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Creates the page; returns the exit code (0, or 3 for a bad name, an existing file or a bad configuration).</summary>
    public static int Run(string sourceDir, string target, string title, TextWriter output, TextWriter error, DateTimeOffset? now = null)
    {
        string rel = target.Trim();
        // Only a path below pages/: every part a slug, so nothing can climb out, start at the root or hide a separator.
        if (Path.IsPathRooted(rel) || rel.Contains('\\'))
            return Fail(error, $"'{Shown(target)}' is not a path below pages/: write SECTION/SLUG with '/', e.g. dimis/poland-border-crossings");
        if (rel.StartsWith("pages/", StringComparison.Ordinal)) rel = rel["pages/".Length..];
        if (rel.EndsWith(".md", StringComparison.Ordinal)) rel = rel[..^3];
        string[] segments = rel.Split('/');
        if (segments.Length < 2)
            return Fail(error, $"'{Shown(target)}' needs a section and a slug, e.g. dimis/poland-border-crossings");
        foreach (string segment in segments)
        {
            if (!SlugPattern().IsMatch(segment))
                return Fail(error, $"'{Shown(segment)}' is not a valid slug: use lower-case letters, digits and single hyphens (e.g. poland-border-crossings)");
        }
        if (segments[^1] == "index")
            return Fail(error, "'index' is the section's own page; choose another slug");
        if (string.IsNullOrWhiteSpace(title))
            return Fail(error, "--title must not be empty");
        // A line break would end the YAML value (the page would not build); other control characters cannot be shown.
        if (title.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            return Fail(error, "--title must be one line of text, without line breaks, tabs or other control characters");
        if (!SourceDateEpoch.TryReadEnvironment(out var sourceDate, out string? dateProblem))
            return Fail(error, $"{SourceDateEpoch.Variable} {dateProblem}");

        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(sourceDir, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.ToSortedList(), error);
            return Fail(error, "fix site.yml first");
        }
        string pages = Path.Combine(sourceDir, "pages");
        string section = segments[0];
        if (!Directory.Exists(Path.Combine(pages, section)))
        {
            string known = Directory.Exists(pages)
                ? string.Join(", ", Directory.EnumerateDirectories(pages).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "(no pages/ folder)";
            return Fail(error, $"there is no section '{section}' under pages/; sections: {known}");
        }

        string path = Path.Combine(pages, Path.Combine(segments) + ".md");
        string display = "pages/" + rel + ".md";
        if (Uncontained(sourceDir, segments) is { } problem)
            return Fail(error, $"{display} was not written: {problem}");
        var (text, entry) = PageTemplate.For(title, config.Section(section)?.Schema, segments[^1], Today(now, sourceDate));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // CreateNew: refuse atomically, even if the file appears between a check and the write.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Fail(error, $"{display} already exists; it was not changed. Edit it, or choose another slug.");
        }
        output.WriteLine(entry
            ? $"Created {display}, a '{section}' entry: every field of its schema has a placeholder; replace each TODO."
            : $"Created {display}; replace each TODO.");
        output.WriteLine("Preview it with: sitebuilder serve");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Why the page cannot be written inside the source folder: a folder on its way (pages/ included) that is a
    /// symbolic link leading out, or a link already where the file would go; null when it can.
    /// </summary>
    private static string? Uncontained(string sourceDir, string[] segments)
    {
        var tree = new SourceTree(sourceDir);
        string rel = "pages";
        for (int i = 0; i <= segments.Length; i++)
        {
            bool file = i == segments.Length;
            if (file) rel += ".md";
            var entry = tree.Check(rel);
            // A missing folder is created inside its (checked) parent; a missing file is created with CreateNew.
            if (entry.Kind == SourceEntryKind.Missing) return null;
            if (!file && entry.Kind != SourceEntryKind.Folder)
                return $"'{rel}' is {(entry.Kind == SourceEntryKind.File ? "a file, not a folder" : entry.Problem)}";
            if (file) return entry.Kind == SourceEntryKind.File ? null : $"'{rel}' is {entry.Problem}";
            if (i < segments.Length) rel += "/" + segments[i];
        }
        return null;
    }

    // Arguments are shown in one line, and not at any length.
    private static string Shown(string value)
    {
        string line = new(value.Select(c => char.IsControl(c) ? '?' : c).Take(80).ToArray());
        return value.Length > 80 ? line + "…" : line;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"sitebuilder new: {message}");
        return ExitCodes.Usage;
    }

    private static DateOnly Today(DateTimeOffset? now, DateTimeOffset? sourceDate) =>
        DateOnly.FromDateTime((now ?? sourceDate ?? DateTimeOffset.UtcNow).UtcDateTime);
}
