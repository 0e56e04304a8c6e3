using System.CommandLine;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.Cli;

/// <summary>The <c>sitebuilder</c> executable: parses arguments, runs a command, owns all output and exit codes.</summary>
public static class Program
{
    /// <summary>Entry point. Exit codes: 0 ok, 1 unexpected failure, 2 content errors or broken links, 3 usage or configuration.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("SiteBuilder: a static wiki generator for Markdown pages, Razor layouts, link checking and search.");
        // One line per command; each command lives whole in Commands/<Name>Command.cs.
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(LunrCommand.Create());
        root.Subcommands.Add(CheckLinksCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(PrecompileThemeCommand.Create());

        try
        {
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine($"sitebuilder: {error.Message}");
                Console.Error.WriteLine("Run 'sitebuilder --help' for usage.");
                return ExitCodes.Usage;
            }
            return parse.Invoke();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"sitebuilder: unexpected failure (a bug; please report it): {ex}");
            return ExitCodes.Unexpected;
        }
    }
}
