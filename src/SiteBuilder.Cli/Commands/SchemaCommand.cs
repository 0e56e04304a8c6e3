using System.CommandLine;
using System.Text;
using SiteBuilder.Cli.Output;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.EditorSchemas;
using SiteBuilder.Scaffolding;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder schema [--source DIR] [--output DIR]</c>: writes the JSON Schemas of <c>site.yml</c> and of front matter
/// (one per section with a schema) into <c>SOURCE/schemas/</c>, for editors: a <c># yaml-language-server: $schema=…</c>
/// line at the top of <c>site.yml</c> points the YAML language server at its schema.
/// </summary>
public static class SchemaCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new Option<DirectoryInfo?>("--output") { Description = $"Folder to write the schemas to (default: SOURCE/{EditorSchemaGenerator.Folder})" };
        var command = new Command("schema", "Write JSON Schemas of site.yml and front matter, for editors") { source, output };
        command.SetAction(parse => Run(parse.GetValue(source)!.FullName, parse.GetValue(output)?.FullName, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Writes the schemas; returns the exit code (0, or 3 for an invalid <c>site.yml</c> or an unwritable folder).</summary>
    public static int Run(string sourceDir, string? outputDir, TextWriter output, TextWriter error)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(sourceDir, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.ToSortedList(), error);
            error.WriteLine("sitebuilder schema: fix site.yml first: the schemas are made from it");
            return ExitCodes.Usage;
        }
        try
        {
            var writer = new ContainedWriter(outputDir ?? Path.Combine(sourceDir, EditorSchemaGenerator.Folder));
            foreach (var file in EditorSchemaGenerator.For(config))
            {
                writer.Replace(file.FileName, Encoding.UTF8.GetBytes(file.Json));
                output.WriteLine($"Wrote {Path.GetRelativePath(sourceDir, Path.Combine(writer.Root, file.FileName)).Replace('\\', '/')}  ({file.Describes})");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sitebuilder schema: {ex.Message}");
            return ExitCodes.Usage;
        }
        return ExitCodes.Ok;
    }
}
