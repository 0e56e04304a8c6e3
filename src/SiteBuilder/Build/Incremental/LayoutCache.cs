using System.Collections.Concurrent;
using SiteBuilder.Layouts;

namespace SiteBuilder.Build.Incremental;

/// <summary>
/// What the incremental builder keeps of the layouts between rebuilds: the compiled renderer (Razor
/// compilation takes seconds) and, per output path, the fingerprint of the model last rendered there.
/// </summary>
internal sealed class LayoutCache
{
    /// <summary>The layouts the renderer was made from.</summary>
    public LayoutSet? Layouts { get; set; }
    /// <summary>The renderer, reused until a layout changes.</summary>
    public RazorLightLayoutRenderer? Renderer { get; set; }
    /// <summary>Fingerprint of the model behind each rendered page, by output path.</summary>
    public ConcurrentDictionary<string, byte[]> Fingerprints { get; } = new(StringComparer.Ordinal);
    /// <summary>The files of the previous build, to reuse where the model did not change.</summary>
    public IReadOnlyDictionary<string, byte[]> Previous { get; set; } = new Dictionary<string, byte[]>();
    /// <summary>Output paths rendered through Razor during the current rebuild.</summary>
    public ConcurrentBag<string> Rendered { get; set; } = [];

    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads the layouts again with a fresh renderer. Fingerprints are kept: they include the text of the
    /// layout and of every partial, so only the pages of a changed layout (or all, for a partial) render again.
    /// </summary>
    public void Reset(string sourceDir)
    {
        Layouts = LayoutSet.Load(sourceDir);
        Renderer = new RazorLightLayoutRenderer(Layouts);
        _keys.Clear();
    }

    /// <summary>A hash of the templates a page rendered through <paramref name="layout"/> can use: the layout and every partial.</summary>
    public string KeyOf(string layout) => _keys.GetOrAdd(layout, name =>
    {
        var text = new System.Text.StringBuilder(name).Append('\0');
        foreach (var (key, template) in Layouts!.Templates.OrderBy(t => t.Key, StringComparer.Ordinal))
            if (key == name || key.StartsWith('_')) text.Append(key).Append('\0').Append(template).Append('\0');
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    });
}
