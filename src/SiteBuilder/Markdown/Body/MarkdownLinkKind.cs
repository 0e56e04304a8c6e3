namespace SiteBuilder.Markdown.Body;

/// <summary>The kinds of link a page's Markdown can write.</summary>
public enum MarkdownLinkKind
{
    /// <summary><c>[text](url)</c>, a reference link, or a bare URL the auto-link extension found.</summary>
    Link,
    /// <summary><c>![alt](src)</c>.</summary>
    Image,
    /// <summary><c>[[Target]]</c>, <c>[[Target|label]]</c>, <c>[[Target#Heading]]</c>.</summary>
    WikiLink,
    /// <summary><c>&lt;https://…&gt;</c> pointing at statswiki: it may become a link to the mirrored page.</summary>
    StatswikiAutolink,
    /// <summary>Any other <c>&lt;…&gt;</c> autolink (an e-mail address included): written as is.</summary>
    Autolink,
}
