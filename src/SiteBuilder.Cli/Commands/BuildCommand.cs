using System.CommandLine;

namespace SiteBuilder.Cli.Commands;

/// <summary><c>sitebuilder build [--source DIR] [--output DIR]</c>.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Folder holding pages/, layouts/ and site.yml", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Output folder (default: SOURCE/_site)" };
        var command = new Command("build", "Build the site into the output folder") { source, output };
        command.SetAction(parse => 0);
        return command;
    }
}
