using SiteBuilder.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Content;

/// <summary>A page's front matter: the known keys typed, the rest kept as YAML nodes with positions.</summary>
public sealed record FrontMatter
{
    /// <summary>Page title (required).</summary>
    public string Title { get; init; } = "";
    /// <summary>One-line summary.</summary>
    public string? Description { get; init; }
    /// <summary>Labels (tags).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Sort order among siblings; lower first, then by title.</summary>
    public int Weight { get; init; }
    /// <summary>Layout name (file name in <c>layouts/</c> without <c>.cshtml</c>).</summary>
    public string? Layout { get; init; }
    /// <summary>Where the layout name was written, for the unknown-layout error.</summary>
    public SourceLocation? LayoutLocation { get; init; }
    /// <summary>Drafts are not published.</summary>
    public bool Draft { get; init; }
    /// <summary>Extra site paths that redirect to this page.</summary>
    public IReadOnlyList<(string Url, SourceLocation Location)> Aliases { get; init; } = [];
    /// <summary>The page's original statswiki URLs with where each was written.</summary>
    public IReadOnlyList<(string Url, SourceLocation Location)> Statswiki { get; init; } = [];
    /// <summary>Sources of the page's facts.</summary>
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];
    /// <summary>Hides the automatic child-page list.</summary>
    public bool HideChildren { get; init; }
    /// <summary>Old anchors that keep working: old id → current heading id.</summary>
    public IReadOnlyDictionary<string, string> Anchors { get; init; } = new Dictionary<string, string>();
    /// <summary>Keys outside the common set (section schema fields), with their nodes.</summary>
    public IReadOnlyDictionary<string, YamlNode> Extra { get; init; } = new Dictionary<string, YamlNode>();
    /// <summary>Where each key was written, for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>();
    /// <summary>The location of the opening <c>---</c>, used for "missing key" errors.</summary>
    public SourceLocation Start { get; init; } = new("", 1, 1);
}
