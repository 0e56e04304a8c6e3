using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteBuilder.Build;
using SiteBuilder.Cli.Output;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Safety;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder new SECTION/SLUG --title "…"</c>: creates <c>pages/SECTION/SLUG.md</c> with the
/// section's front matter. An entry of a section with a schema (DIMiS) gets every schema field with a
/// placeholder that validates, so the new page builds as it is; TODO notes say what to replace.
/// Never overwrites a file.
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
        var schema = config.Section(section)?.Schema;
        bool entry = schema is not null && !schema.Exempt.Contains(segments[^1]);
        string text = entry ? EntryTemplate(title, schema!, Today(now, sourceDate)) : PageTemplate(title);
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

    private static string Quote(string value) =>
        "\"" + value.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string PageTemplate(string title) => $"""
        ---
        title: {Quote(title)}
        description: "TODO: one sentence saying what this page covers."
        # Each fact needs a source:
        # sources:
        #   - title: "Name of the document or page"
        #     url: https://example.org/the-document
        ---
        > [!NOTE]
        > TODO: this page was created by `sitebuilder new`. Write its content, fill in the description and sources, and remove this note.

        ## TODO: first heading

        """;

    /// <summary>Front matter with every schema field, each with a value the schema accepts.</summary>
    private static string EntryTemplate(string title, SectionSchema schema, DateOnly today)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quote(title)).Append('\n');
        text.Append("description: \"TODO: one sentence saying who measured what, with which data.\"\n");
        foreach (var field in schema.Fields)
        {
            var (value, hint) = Placeholder(field, today);
            text.Append(field.Name).Append(": ").Append(value);
            if (hint.Length > 0) text.Append("  # ").Append(hint);
            text.Append('\n');
        }
        text.Append("# Each fact needs a source:\n# sources:\n#   - title: \"Name of the document or page\"\n#     url: https://example.org/the-document\n");
        text.Append("---\n");
        text.Append("> [!WARNING]\n> TODO: this entry was created by `sitebuilder new` with placeholder values. Replace every TODO and check each field against its allowed values in site.yml, then remove this note.\n\n");
        text.Append("TODO: what was measured, by whom, with which data source.\n\n## Publication\n\nTODO\n");
        return text.ToString();
    }

    private static (string Value, string Hint) Placeholder(SchemaField field, DateOnly today)
    {
        string allowed = field.Values.Count > 0 ? "one of: " + string.Join(", ", field.Values) : "";
        switch (field.Type)
        {
            case SchemaFieldType.Int:
                int year = Math.Clamp(today.Year, field.Min ?? int.MinValue, field.Max ?? int.MaxValue);
                return (year.ToString(CultureInfo.InvariantCulture), "TODO: check");
            case SchemaFieldType.Bool:
                return ("false", "TODO: true or false");
            case SchemaFieldType.Date:
                return (today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date of your review");
            case SchemaFieldType.List:
                if (field.Format == "iso3166-alpha3")
                    return ($"[{field.ExtraValues.FirstOrDefault() ?? "TODO"}]", "TODO: ISO 3166-1 alpha-3 codes, e.g. [EST, FIN]");
                if (field.Values.Count > 0) return ($"[{field.Values[0]}]", "TODO: " + allowed);
                return (field.Required ? "[\"TODO\"]" : "[]", "TODO");
            default:
                if (field.Values.Count > 0)
                {
                    // An unconfirmed entry must never claim to be verified.
                    string value = field.Values.Contains("unverified") ? "unverified" : field.Values[0];
                    return (value, "TODO: " + allowed);
                }
                return (field.Required ? "\"TODO\"" : "\"\"", field.Required ? "TODO" : "optional");
        }
    }
}
