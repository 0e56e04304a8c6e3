using System.CommandLine;
using System.Text.RegularExpressions;
using SiteBuilder.Cli.Commands;

namespace SiteBuilder.Cli;

/// <summary>The <c>sitebuilder</c> executable: parses arguments, runs a command, owns all output and exit codes.</summary>
public static partial class Program
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
                // One line per problem, each saying where the usage is.
                string help = parse.CommandResult.Command == root ? "sitebuilder --help" : $"sitebuilder {parse.CommandResult.Command.Name} --help";
                foreach (var error in parse.Errors) Console.Error.WriteLine($"sitebuilder: {Readable(error.Message).TrimEnd('.')} (see '{help}')");
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

    // System.CommandLine names the .NET type a value failed to convert to ("System.Nullable`1[System.Int32]").
    private static string Readable(string message)
    {
        var match = ConversionError().Match(message);
        if (!match.Success) return message;
        string kind = match.Groups["type"].Value switch
        {
            var t when t.Contains("Int", StringComparison.Ordinal) => "a whole number",
            var t when t.Contains("Double", StringComparison.Ordinal) => "a number",
            _ => "a valid value",
        };
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {kind}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex ConversionError();
}
