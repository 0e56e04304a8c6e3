using System.Text;
using Markdig;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;
using SiteBuilder.Linking;
using SiteBuilder.Markdown;
using SiteBuilder.Markdown.Body;

namespace SiteBuilder.Build.Steps;

/// <summary>
/// Reads each page as UTF-8, parses its front matter and its Markdown, adds its old-anchor markers and renders
/// it to a <see cref="MarkdownBody"/> with holes for the links (in parallel). Neither the text nor the Markdown
/// tree is kept: at 10 000 pages they would be most of the build's memory. Drafts are dropped here.
/// </summary>
public sealed class ParsePages : IBuildStep
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <inheritdoc/>
    public string Name => nameof(ParsePages);

    /// <inheritdoc/>
    public void Execute(BuildContext context)
    {
        var pipeline = MarkdownPipelineFactory.Default;
        // The schema fields a section's pages may use, computed once per section rather than per page.
        var schemaKeys = context.Config.Sections.Values.Where(s => s.Schema is not null).ToDictionary(
            s => s.Key, s => (IReadOnlySet<string>)s.Schema!.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        Parallel.ForEach(context.Pages, page =>
        {
            if (context.Source.Read(page.SourcePath, Safety.ReadLimits.PageBytes, context.Diagnostics) is not { } bytes)
            {
                page.FrontMatter = new FrontMatter { Title = page.Slug };
                return;
            }
            if (!TryDecode(bytes, out string text, out int badOffset))
            {
                var (line, col) = LineColumnOfByte(bytes, badOffset);
                context.Diagnostics.Error(DiagnosticCodes.NotUtf8, new SourceLocation(page.SourcePath, line, col),
                    $"file is not valid UTF-8 (byte 0x{bytes[badOffset]:X2} at offset {badOffset}); save it as UTF-8");
                page.FrontMatter = new FrontMatter { Title = page.Slug };
                return;
            }
            // Normalise line endings once so Markdig, YamlDotNet and our own columns agree.
            text = text.Replace("\r\n", "\n");
            IReadOnlySet<string> extraKeys = schemaKeys.GetValueOrDefault(page.Section, NoKeys);
            page.FrontMatter = FrontMatterParser.Parse(page.SourcePath, text, extraKeys, context.Diagnostics);
            page.FrontMatter = page.FrontMatter with { Sources = SourceDocuments.Resolve(page.FrontMatter.Sources, context.Source, context.Diagnostics) };
            page.FrontMatterSource = FrontMatterParser.Block(text);
            var document = Markdig.Markdown.Parse(text, pipeline);
            // Must come before the body is rendered: the markers are part of it.
            AnchorAliases.Insert(document, page.FrontMatter, page.SourcePath, context.Diagnostics);
            page.Body = MarkdownBodyBuilder.Build(document, pipeline, new LineIndex(text));
        });
        if (!context.Options.IncludeDrafts) context.Pages.RemoveAll(p => p.FrontMatter.Draft);
    }

    private static bool TryDecode(byte[] bytes, out string text, out int badOffset)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            badOffset = -1;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            badOffset = FirstInvalidByte(bytes, start);
            return false;
        }
    }

    private static int FirstInvalidByte(byte[] bytes, int start)
    {
        // Decode growing prefixes at character boundaries to find where decoding first fails.
        int i = start;
        while (i < bytes.Length)
        {
            int len = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : bytes[i] >= 0xC0 ? 2 : 0;
            if (len == 0 || i + len > bytes.Length) return i;
            try { StrictUtf8.GetString(bytes, i, len); }
            catch (DecoderFallbackException) { return i; }
            i += len;
        }
        return Math.Min(start, bytes.Length - 1);
    }

    private static (int Line, int Column) LineColumnOfByte(byte[] bytes, int offset)
    {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; col = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) col++;
        }
        return (line, col);
    }
}
