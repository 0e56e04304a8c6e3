using System.CommandLine;
using SiteBuilder.Layouts;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder precompile-theme --output DIR</c> (hidden): compiles the built-in theme into <c>DIR/layouts/</c>.
/// SiteBuilder's own build runs it into <c>layout-cache/</c> beside the program, where every build looks before it
/// compiles, so even the first build of a site with the built-in theme compiles no layout.
/// </summary>
public static class PrecompileThemeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "Cache folder to write", Required = true };
        var command = new Command("precompile-theme", "Compile the built-in theme into a layout cache folder (used by SiteBuilder's build)")
        {
            output,
        };
        command.Hidden = true;
        command.SetAction(parse => Run(parse.GetValue(output)!, Console.Error));
        return command;
    }

    /// <summary>Runs the command and returns the exit code.</summary>
    public static int Run(DirectoryInfo output, TextWriter stderr)
    {
        // Only the current theme belongs beside the program: assemblies of earlier builds would never match again.
        string layouts = Path.Combine(output.FullName, "layouts");
        if (Directory.Exists(layouts))
            foreach (string old in Directory.EnumerateFiles(layouts)) File.Delete(old);
        if (new LayoutCache(output.FullName).Precompile(LayoutSet.BuiltIn())) return ExitCodes.Ok;
        stderr.WriteLine($"sitebuilder precompile-theme: the built-in theme could not be compiled into {layouts}");
        return ExitCodes.Unexpected;
    }
}
