namespace SiteBuilder.Markdown.Body;

/// <summary>What fills a <see cref="TemplateHole"/> once links are resolved.</summary>
public enum HoleKind
{
    /// <summary>A link's href or an image's src, URL-escaped as Markdig escapes it.</summary>
    Href,
    /// <summary>The label of a wiki link written without one: the target's title (HTML-escaped in HTML).</summary>
    Label,
    /// <summary>The list of the page's child pages a <c>{{children}}</c> line stands for.</summary>
    ChildList,
}
