using SiteBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Yaml;

/// <summary>
/// Converts YamlDotNet marks to <see cref="SourceLocation"/>: the one place where YAML positions
/// meet file positions. YamlDotNet marks are 1-based and relative to the YAML text; front matter
/// starts after the opening <c>---</c> line, so a line offset is added.
/// </summary>
public readonly record struct YamlPositions(string Path, int LineOffset)
{
    /// <summary>The location of a YAML mark.</summary>
    public SourceLocation At(Mark mark) => new(Path, (int)mark.Line + LineOffset, (int)mark.Column);

    /// <summary>The location where a node starts.</summary>
    public SourceLocation At(YamlNode node) => At(node.Start);
}
