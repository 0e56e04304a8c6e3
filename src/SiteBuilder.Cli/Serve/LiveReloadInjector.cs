using System.Text;

namespace SiteBuilder.Cli.Serve;

/// <summary>Adds the live-reload script to HTML served by the preview server (never to built files).</summary>
public static class LiveReloadInjector
{
    private static readonly byte[] BodyEnd = "</body>"u8.ToArray();

    /// <summary>
    /// The tag for the script, carrying the site version the page belongs to, and <c>data-patch="false"</c> when open
    /// pages are to reload in full rather than be patched (<see cref="PreviewOptions.FullReload"/>).
    /// </summary>
    public static string Tag(int version, bool patch = true) =>
        $"<script src=\"{PreviewServer.ScriptPath}\" data-version=\"{version}\"{(patch ? "" : " data-patch=\"false\"")}></script>";

    /// <summary>Inserts the script before the last <c>&lt;/body&gt;</c>, or appends it when there is none.</summary>
    public static byte[] Inject(byte[] html, int version, bool patch = true)
    {
        byte[] tag = Encoding.UTF8.GetBytes(Tag(version, patch));
        int at = LastIndexOfIgnoreCase(html, BodyEnd);
        if (at < 0) at = html.Length;
        var result = new byte[html.Length + tag.Length];
        html.AsSpan(0, at).CopyTo(result);
        tag.CopyTo(result.AsSpan(at));
        html.AsSpan(at).CopyTo(result.AsSpan(at + tag.Length));
        return result;
    }

    private static int LastIndexOfIgnoreCase(byte[] haystack, byte[] needle)
    {
        for (int i = haystack.Length - needle.Length; i >= 0; i--)
        {
            int j = 0;
            while (j < needle.Length && char.ToLowerInvariant((char)haystack[i + j]) == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }
}
