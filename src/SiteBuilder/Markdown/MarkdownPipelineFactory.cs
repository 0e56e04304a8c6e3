using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using SiteBuilder.Markdown.Extensions.ChildPages;
using SiteBuilder.Markdown.Extensions.NestingLimit;
using SiteBuilder.Markdown.Extensions.ScrollableTables;
using SiteBuilder.Markdown.Extensions.WikiLinks;

namespace SiteBuilder.Markdown;

/// <summary>The one place the Markdig pipeline is configured. The built pipeline is immutable and shared across threads.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>The site's pipeline.</summary>
    public static MarkdownPipeline Default { get; } = Create();

    /// <summary>Builds the pipeline: tables, heading ids, footnotes, task lists, callouts, precise positions.</summary>
    public static MarkdownPipeline Create()
    {
        var builder = new MarkdownPipelineBuilder()
            // Positions must be exact: every diagnostic and the link source map point at Markdown line:col.
            .UsePreciseSourceLocation()
            // The front matter stays in the parsed text so that line numbers are those of the file.
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseGridTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseFootnotes()
            .UseTaskLists()
            .UseEmphasisExtras()
            .UseAutoLinks()
            // GitHub-style "> [!NOTE]" callouts stand for Confluence's info/note/warning panels.
            .UseAlertBlocks()
            .UseGenericAttributes();
        // Wiki links ([[Target]]) and the {{children}} block: the wiki features contributors write.
        builder.Extensions.AddIfNotAlready<WikiLinkExtension>();
        builder.Extensions.AddIfNotAlready<ChildPagesExtension>();
        // After the table extensions, whose renderer it wraps.
        builder.Extensions.AddIfNotAlready<ScrollableTableExtension>();
        // Must be the last extension: it guards every block and delimiter parser added before it.
        builder.Extensions.AddIfNotAlready<NestingLimitExtension>();
        return builder.Build();
    }
}
