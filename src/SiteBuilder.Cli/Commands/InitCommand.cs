using System.CommandLine;
using System.Reflection;
using System.Text;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.EditorSchemas;
using SiteBuilder.Scaffolding;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder init [DIR] [--title T] [--theme] [--force]</c>: starts a site that builds clean on its first try
/// (<see cref="SiteTemplate"/>), with the editor schemas in <c>schemas/</c>. Writes only inside DIR, never overwrites a
/// file, and refuses a folder that is not empty unless <c>--force</c> is given.
/// </summary>
public static class InitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "The folder of the new site (default: the current folder)", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var title = new Option<string?>("--title", "-t") { Description = "The site's title (default: the folder's name)" };
        var theme = new Option<bool>("--theme") { Description = "Copy the built-in theme into layouts/, to customise it" };
        var force = new Option<bool>("--force") { Description = "Create the site in a folder that is not empty (existing files are still never overwritten)" };
        var command = new Command("init", "Start a new site: site.yml, pages, .gitignore, GitHub workflows, editor schemas") { dir, title, theme, force };
        command.SetAction(parse => Run(parse.GetValue(dir)!.FullName, parse.GetValue(title), parse.GetValue(theme), parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Creates the site; returns the exit code (0, or 3 when the folder or a file is in the way).</summary>
    public static int Run(string dir, string? title, bool theme, bool force, TextWriter output, TextWriter error)
    {
        string full = Path.GetFullPath(dir);
        if (File.Exists(full)) return Fail(error, $"'{dir}' is a file, not a folder");
        title = string.IsNullOrWhiteSpace(title) ? Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) : title.Trim();
        if (string.IsNullOrEmpty(title)) title = "My wiki";
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            return Fail(error, $"'{dir}' is not empty; choose an empty or new folder, or pass --force to add the site's files beside what is there (no file is overwritten)");

        ContainedWriter writer;
        try { writer = new ContainedWriter(full); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Fail(error, $"cannot create '{dir}': {ex.Message}"); }

        var files = SiteTemplate.Files(title, ToolVersion(), theme);
        // Every file is checked before the first is written: a refusal leaves the folder as it was.
        var blocked = files.Select(f => (f.Path, Problem: writer.Exists(f.Path) ? "already exists" : writer.Problem(f.Path)))
            .Where(b => b.Problem is not null).ToList();
        if (blocked.Count > 0)
        {
            foreach (var (path, problem) in blocked) error.WriteLine($"  {path}: {problem}");
            return Fail(error, $"{blocked.Count} file(s) of the new site are in the way; nothing was written");
        }
        try
        {
            foreach (var (path, content) in files) writer.CreateNew(path, content);
            // The schemas are made from the site.yml just written, by the code `sitebuilder schema` runs.
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(writer.Root, diagnostics);
            if (diagnostics.HasErrors) throw new InvalidOperationException("the new site.yml does not load: " + string.Join("; ", diagnostics.ToSortedList()));
            foreach (var schema in EditorSchemaGenerator.For(config))
                writer.CreateNew(EditorSchemaGenerator.Folder + "/" + schema.FileName, Encoding.UTF8.GetBytes(schema.Json));
        }
        catch (IOException ex)
        {
            return Fail(error, $"{ex.Message}; the files written before it are left in place");
        }

        output.WriteLine($"Created the site \"{title}\" in {dir}{(theme ? ", with the built-in theme in layouts/" : "")}.");
        output.WriteLine("Next:");
        output.WriteLine($"  cd {dir}");
        output.WriteLine("  sitebuilder serve          # preview with live reload");
        output.WriteLine("  sitebuilder build --strict # the site, into _site/");
        output.WriteLine("Push it to GitHub and turn on Pages (Source: GitHub Actions): .github/workflows/pages.yml publishes it.");
        return ExitCodes.Ok;
    }

    /// <summary>The version of this tool, as the tool manifest names it (<c>0.1.0</c>, without a build suffix).</summary>
    public static string ToolVersion()
    {
        string version = typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"sitebuilder init: {message}");
        return ExitCodes.Usage;
    }
}
