using Markdig.Renderers;

namespace SiteBuilder.Markdown.Body;

/// <summary>Escapes hole values exactly as Markdig's HTML renderer escapes what it writes in their place.</summary>
public static class HtmlEscaping
{
    [ThreadStatic] private static (StringWriter Writer, HtmlRenderer Renderer)? _scratch;

    /// <summary>A URL as <see cref="HtmlRenderer.WriteEscapeUrl"/> writes it in an <c>href</c> or <c>src</c>.</summary>
    public static string Url(string url) => With(r => r.WriteEscapeUrl(url));

    /// <summary>Text as <see cref="HtmlRenderer.WriteEscape(string)"/> writes it.</summary>
    public static string Text(string text) => With(r => r.WriteEscape(text));

    private static string With(Action<HtmlRenderer> write)
    {
        var (writer, renderer) = _scratch ??= Create();
        writer.GetStringBuilder().Clear();
        write(renderer);
        return writer.ToString();
    }

    private static (StringWriter, HtmlRenderer) Create()
    {
        var writer = new StringWriter();
        return (writer, new HtmlRenderer(writer));
    }
}
