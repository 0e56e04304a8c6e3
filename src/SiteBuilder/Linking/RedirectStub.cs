using System.Net;
using System.Text;

namespace SiteBuilder.Linking;

/// <summary>
/// The HTML of redirect stubs: a page that sends an old address to its new one with a meta refresh,
/// names the new address as canonical, and shows a plain link for anyone the refresh does not move (in a
/// <c>main</c> landmark, with a viewport, so the stub passes the same accessibility checks as the theme's pages).
/// Written in code rather than as a layout, so redirects keep working whatever the theme does.
/// </summary>
public static class RedirectStub
{
    /// <summary>A stub that redirects to one page.</summary>
    /// <param name="title">Title of the target page.</param>
    /// <param name="relativeHref">Href of the target, relative to the stub.</param>
    /// <param name="canonicalUrl">Absolute URL of the target; null when the site has no base URL (no canonical link then).</param>
    /// <param name="language">The site's language.</param>
    public static string To(string title, string relativeHref, string? canonicalUrl, string language)
    {
        string t = WebUtility.HtmlEncode(title), href = WebUtility.HtmlEncode(relativeHref);
        string canonical = canonicalUrl is null ? "" : $"<link rel=\"canonical\" href=\"{WebUtility.HtmlEncode(canonicalUrl)}\">\n";
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Moved: {t}</title>
            <meta name="robots" content="noindex">
            {canonical}<script>if (location.protocol === 'file:') location.replace({JsString(FileHref(relativeHref))});</script>
            <meta http-equiv="refresh" content="0; url={href}">
            </head>
            <body>
            <main><h1>Moved</h1><p>This page now lives at <a href="{href}">{t}</a>.</p></main>
            </body>
            </html>

            """;
    }

    // From disk (file://) a folder does not open its index.html by itself, so the stub names the file there.
    private static string FileHref(string href) => href.EndsWith('/') ? href + "index.html" : href;

    // A JavaScript string literal that is also safe inside an HTML <script> element.
    private static string JsString(string value) => System.Text.Json.JsonSerializer.Serialize(value, ScriptSafe);

    private static readonly System.Text.Json.JsonSerializerOptions ScriptSafe = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    /// <summary>
    /// The one stub that answers every <c>/pages/viewpage.action?pageId=N</c> address: a small script reads
    /// <c>pageId</c> and moves on; without JavaScript, the page lists every known id with its link.
    /// </summary>
    /// <param name="stubPath">The stub's own site-relative folder, e.g. <c>pages/viewpage.action/</c>.</param>
    /// <param name="targets">Page id → (title, site-relative URL), in id order.</param>
    /// <param name="language">The site's language.</param>
    public static string ForPageIds(string stubPath, IReadOnlyList<(long Id, string Title, string Url)> targets, string language)
    {
        var json = new StringBuilder("{");
        foreach (var (id, _, url) in targets)
            json.Append(json.Length > 1 ? "," : "").Append('"').Append(id).Append("\":").Append(System.Text.Json.JsonSerializer.Serialize(url));
        json.Append('}');
        var list = new StringBuilder();
        string root = Content.Permalinks.Root(stubPath);
        foreach (var (id, title, url) in targets)
            list.Append($"<li>pageId {id}: <a href=\"{WebUtility.HtmlEncode(root + url)}\">{WebUtility.HtmlEncode(title)}</a></li>\n");
        // The site root is found from the stub's own address, so it works with or without a trailing slash and under any base path.
        string pattern = System.Text.RegularExpressions.Regex.Escape(stubPath.TrimEnd('/')).Replace("/", "\\/", StringComparison.Ordinal);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{WebUtility.HtmlEncode(language)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Moved statswiki page</title>
            <meta name="robots" content="noindex">
            <script>
            (function () {
              var map = {{json}};
              var id = new URLSearchParams(location.search).get('pageId');
              var to = id && Object.prototype.hasOwnProperty.call(map, id) ? map[id] : null;
              if (to === null) return;
              var root = location.pathname.replace(/{{pattern}}\/?(index\.html)?$/, '');
              // From disk (file://) a folder does not open its index.html by itself.
              if (location.protocol === 'file:') to += 'index.html';
              location.replace(root + to + location.hash);
            })();
            </script>
            </head>
            <body>
            <main>
            <h1>Moved statswiki page</h1>
            <p>Pages of the old statswiki that this mirror holds, by page id:</p>
            <ul>
            {{list}}</ul>
            </main>
            </body>
            </html>

            """;
    }
}
