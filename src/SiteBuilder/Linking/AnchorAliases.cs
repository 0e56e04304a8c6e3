using System.Net;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteBuilder.Content;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Linking;

/// <summary>
/// Keeps renamed headings reachable: for each <c>anchors:</c> entry (old id → current id) an empty
/// <c>&lt;span id="old-id"&gt;</c> goes just before the element that now has the current id, so
/// <c>#old-id</c> lands there. An entry whose current id does not exist, or whose old id is still in
/// use, is an SB1002 error at the <c>anchors</c> key.
/// </summary>
public static class AnchorAliases
{
    /// <summary>Inserts the markers into <paramref name="document"/>, which must not be rendered yet.</summary>
    public static void Insert(MarkdownDocument document, FrontMatter frontMatter, string sourcePath, DiagnosticBag diagnostics)
    {
        if (frontMatter.Anchors.Count == 0) return;
        var at = frontMatter.KeyLocations.GetValueOrDefault("anchors", new SourceLocation(sourcePath, 1, 1));
        var blocks = document.Descendants<Block>()
            .Select(b => (Block: b, Id: b.TryGetAttributes()?.Id))
            .Where(b => !string.IsNullOrEmpty(b.Id))
            .GroupBy(b => b.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Block, StringComparer.Ordinal);
        foreach (var (oldId, current) in frontMatter.Anchors.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (blocks.ContainsKey(oldId))
            {
                diagnostics.Error(DiagnosticCodes.BrokenFragment, at,
                    $"old anchor '{oldId}' is still the id of a heading or element on this page; remove it from 'anchors'");
                continue;
            }
            if (!blocks.TryGetValue(current, out var target))
            {
                string? hint = Suggestions.Closest(current, blocks.Keys);
                diagnostics.Error(DiagnosticCodes.BrokenFragment, at,
                    $"anchors: '{oldId}' points to '#{current}', which is not a heading or id on this page" +
                    (hint is null ? "" : $"; did you mean '#{hint}'?"));
                continue;
            }
            var marker = new HtmlBlock(null) { Type = HtmlBlockType.NonInterruptingBlock, Line = target.Line, Column = target.Column, Span = new SourceSpan(target.Span.Start, target.Span.Start) };
            marker.Lines = new StringLineGroup(1);
            marker.Lines.Add(new StringSlice($"<span id=\"{WebUtility.HtmlEncode(oldId)}\"></span>"));
            var parent = target.Parent!;
            parent.Insert(parent.IndexOf(target), marker);
        }
    }
}
