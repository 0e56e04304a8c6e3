using SiteBuilder.Content;

namespace SiteBuilder.Linking;

/// <summary>One statswiki address mirrored by a page.</summary>
/// <param name="Url">The address as declared (or, for a space root implied by <c>site.yml</c>, built from the space key).</param>
/// <param name="Parsed">Its parsed identity.</param>
/// <param name="Page">The page that mirrors it.</param>
/// <param name="Declared">True when the page's <c>statswiki:</c> front matter names it; false for an implied space root.</param>
public sealed record StatswikiMapping(string Url, StatswikiUrl Parsed, Page Page, bool Declared);
