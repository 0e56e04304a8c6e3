using System.Reflection;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// The layouts (<c>*.cshtml</c>) and theme assets of a site: from its <c>layouts/</c> folder, or the
/// built-in default theme embedded in SiteBuilder when the site has none.
/// </summary>
public sealed class LayoutSet
{
    private LayoutSet(string displayRoot, IReadOnlyDictionary<string, string> templates, IReadOnlyDictionary<string, byte[]> assets, bool builtIn)
    {
        DisplayRoot = displayRoot;
        Templates = templates;
        Assets = assets;
        IsBuiltIn = builtIn;
    }

    /// <summary>How diagnostics name the folder: <c>layouts/</c> or <c>(built-in theme)/</c>.</summary>
    public string DisplayRoot { get; }
    /// <summary>Template text by name without extension (e.g. <c>page</c>, <c>_Layout</c>).</summary>
    public IReadOnlyDictionary<string, string> Templates { get; }
    /// <summary>Static files by output path under <c>assets/</c> (e.g. <c>assets/css/site.css</c>).</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; }
    /// <summary>True when the embedded default theme is used.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>The path diagnostics print for a template, e.g. <c>layouts/page.cshtml</c>.</summary>
    public string PathOf(string name) => DisplayRoot + name + ".cshtml";

    /// <summary>The template name of a layout key: <c>page</c>, <c>page.cshtml</c>, <c>/layouts/page.cshtml</c> alike.</summary>
    internal static string NameOf(string key)
    {
        string name = key.Replace('\\', '/').TrimStart('/');
        if (name.StartsWith("layouts/", StringComparison.Ordinal)) name = name["layouts/".Length..];
        return name.EndsWith(".cshtml", StringComparison.Ordinal) ? name[..^".cshtml".Length] : name;
    }

    /// <summary>Loads <c>SOURCE/layouts/</c>, or the built-in theme when that folder does not exist.</summary>
    public static LayoutSet Load(string sourceDir) => Load(new Safety.SourceTree(sourceDir), new DiagnosticBag());

    /// <summary>
    /// Loads <c>layouts/</c> of <paramref name="source"/> through its containment rule (links out of the folder, pipes
    /// and oversized files are reported and skipped), or the built-in theme when that folder does not exist.
    /// </summary>
    public static LayoutSet Load(Safety.SourceTree source, DiagnosticBag diagnostics)
    {
        if (source.Check("layouts").Kind != Safety.SourceEntryKind.Folder) return BuiltIn();
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in source.Files("layouts", diagnostics, recursive: false))
            if (name.EndsWith(".cshtml", StringComparison.Ordinal) &&
                source.Read("layouts/" + name, Safety.ReadLimits.SettingsBytes, diagnostics) is { } bytes)
                templates[name[..^".cshtml".Length]] = System.Text.Encoding.UTF8.GetString(bytes);
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in source.Files("layouts/assets", diagnostics))
            if (source.Read("layouts/assets/" + name, Safety.ReadLimits.AssetBytes, diagnostics) is { } bytes)
                assets["assets/" + name] = bytes;
        return new LayoutSet("layouts/", templates, assets, builtIn: false);
    }

    /// <summary>The default theme embedded in the library (the repository's own <c>layouts/</c>).</summary>
    public static LayoutSet BuiltIn()
    {
        var asm = typeof(LayoutSet).Assembly;
        const string prefix = "theme/";
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            string rel = name[prefix.Length..];
            if (rel.EndsWith(".cshtml", StringComparison.Ordinal) && !rel.Contains('/'))
                templates[rel[..^".cshtml".Length]] = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            else if (rel.StartsWith("assets/", StringComparison.Ordinal))
                assets[rel] = buffer.ToArray();
        }
        return new LayoutSet("(built-in theme)/", templates, assets, builtIn: true);
    }
}
