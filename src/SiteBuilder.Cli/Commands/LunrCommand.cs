using System.CommandLine;
using System.Globalization;
using SiteBuilder.Cli.Lunr;
using SiteBuilder.Diagnostics;
using SiteBuilder.Safety;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Cli.Commands;

/// <summary>
/// <c>sitebuilder lunr --input DOCS.json --ref id --field title:10 --field body --output INDEX.json</c>: builds the
/// lunr 2.3.9 index of a JSON array of documents, the same JSON lunr.js writes for
/// <c>lunr(function () { this.ref('id'); this.field('title', { boost: 10 }); this.field('body'); docs.forEach(d => this.add(d)) })</c>.
/// </summary>
public static class LunrCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON array of documents", Required = true };
        var refName = new Option<string>("--ref") { Description = "Document property used as the ref", DefaultValueFactory = _ => "id" };
        var fields = new Option<string[]>("--field")
        {
            Description = "Field to index, NAME or NAME:BOOST; repeat for each field, in order",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var metadata = new Option<string[]>("--metadata") { Description = "Token metadata to store, e.g. position (lunr's metadataWhitelist)" };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the index JSON (default: standard output)" };
        var command = new Command("lunr", "Build a lunr.js 2.3.9 search index from a JSON array of documents") { input, refName, fields, metadata, output };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(refName)!, parse.GetValue(fields) ?? Array.Empty<string>(),
            parse.GetValue(metadata) ?? Array.Empty<string>(), parse.GetValue(output), Console.Error));
        return command;
    }

    /// <summary>Runs the command and returns the exit code. Writes the index to <paramref name="output"/>, or to standard output when null.</summary>
    public static int Run(FileInfo input, string refName, IReadOnlyList<string> fieldSpecs, IReadOnlyList<string> metadata,
        FileInfo? output, TextWriter stderr)
    {
        var builder = new IndexBuilder().Ref(refName);
        builder.MetadataWhitelist.AddRange(metadata);
        if (fieldSpecs.Count == 0)
        {
            stderr.WriteLine("sitebuilder lunr: at least one --field is required");
            return ExitCodes.Usage;
        }
        foreach (var spec in fieldSpecs)
        {
            var colon = spec.LastIndexOf(':');
            var name = colon < 0 ? spec : spec[..colon];
            var boost = 1.0;
            if (colon >= 0 && !double.TryParse(spec[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out boost))
            {
                stderr.WriteLine($"sitebuilder lunr: --field '{spec}': the boost after ':' must be a number, as in title:10");
                return ExitCodes.Usage;
            }
            if (name.Length == 0 || name.Contains('/'))
            {
                stderr.WriteLine($"sitebuilder lunr: --field '{spec}': a field name must be non-empty and must not contain '/'");
                return ExitCodes.Usage;
            }
            builder.Field(name, boost);
        }
        if (!input.Exists)
        {
            stderr.WriteLine($"sitebuilder lunr: input file '{input.FullName}' does not exist");
            return ExitCodes.Usage;
        }

        // Problems with the input's content are SB0021 at their position, exit 2, as a page's are.
        string shown = input.ToString();
        if (input.Length > LunrInputCheck.MaxBytes)
        {
            stderr.WriteLine($"{shown}: error {DiagnosticCodes.LunrInput}: the file is {SourceTree.Bytes(input.Length)}, more than the " +
                             $"{SourceTree.Bytes(LunrInputCheck.MaxBytes)} the lunr command reads");
            return ExitCodes.ContentErrors;
        }
        byte[] json;
        try
        {
            json = File.ReadAllBytes(input.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"sitebuilder lunr: cannot read '{input.FullName}': {ex.Message}");
            return ExitCodes.Usage;
        }
        if (LunrInputCheck.Check(json, refName) is var (line, column, message))
        {
            stderr.WriteLine($"{new SourceLocation(shown, line, column)}: error {DiagnosticCodes.LunrInput}: {message}");
            return ExitCodes.ContentErrors;
        }
        var docs = LunrDocuments.Parse(new MemoryStream(json, writable: false));

        // Tokenized on every core, merged in order: the same index as adding them one by one.
        builder.AddRange(docs.Count, i => docs[i]);
        var index = builder.Build();
        try
        {
            if (output == null)
            {
                using var stdoutStream = Console.OpenStandardOutput();
                index.WriteJson(stdoutStream);
                stdoutStream.Flush();
            }
            else
            {
                output.Directory?.Create();
                using var file = new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                index.WriteJson(file);
                stderr.WriteLine($"sitebuilder lunr: indexed {docs.Count} documents, {index.TermCount} terms → {output.Name} ({file.Length:N0} bytes)");
            }
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"sitebuilder lunr: cannot write the index: {ex.Message}");
            return ExitCodes.Usage;
        }
        return ExitCodes.Ok;
    }
}
