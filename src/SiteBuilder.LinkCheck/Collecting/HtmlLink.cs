namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>One URL found in an HTML file.</summary>
/// <param name="Href">The attribute value as AngleSharp decoded it (one candidate URL for <c>srcset</c>).</param>
/// <param name="Element">The element name, lower case (<c>a</c>, <c>img</c>, …).</param>
/// <param name="Attribute">The attribute (<c>href</c>, <c>src</c>, <c>srcset</c>).</param>
/// <param name="Line">1-based line of the element's start tag.</param>
/// <param name="Column">1-based column of the element's start tag.</param>
public sealed record HtmlLink(string Href, string Element, string Attribute, int Line, int Column);
