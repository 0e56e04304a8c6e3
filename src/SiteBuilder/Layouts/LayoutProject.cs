using RazorLight.Razor;

namespace SiteBuilder.Layouts;

/// <summary>Serves a <see cref="LayoutSet"/>'s templates to RazorLight by name (<c>page</c>, <c>_Layout</c>).</summary>
internal sealed class LayoutProject : RazorLightProject
{
    private readonly LayoutSet _layouts;

    public LayoutProject(LayoutSet layouts) => _layouts = layouts;

    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
    {
        string name = Normalize(templateKey);
        RazorLightProjectItem item = _layouts.Templates.TryGetValue(name, out string? text)
            ? new TextSourceRazorProjectItem(name, text)
            : new MissingItem(name);
        return Task.FromResult(item);
    }

    public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
        Task.FromResult<IEnumerable<RazorLightProjectItem>>([]);

    public override Task<IEnumerable<string>> GetKnownKeysAsync() => Task.FromResult<IEnumerable<string>>(_layouts.Templates.Keys);

    /// <summary>Accepts <c>page</c>, <c>page.cshtml</c>, <c>/page.cshtml</c> alike.</summary>
    internal static string Normalize(string key)
    {
        string name = key.Replace('\\', '/').TrimStart('/');
        if (name.StartsWith("layouts/", StringComparison.Ordinal)) name = name["layouts/".Length..];
        return name.EndsWith(".cshtml", StringComparison.Ordinal) ? name[..^".cshtml".Length] : name;
    }

    private sealed class MissingItem(string key) : RazorLightProjectItem
    {
        public override string Key => key;
        public override bool Exists => false;
        public override Stream Read() => throw new FileNotFoundException($"layout '{key}' not found");
    }
}
