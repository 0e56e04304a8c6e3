namespace SiteBuilder.Output;

/// <summary>One file of the built site.</summary>
/// <param name="Path">Path relative to the output folder, with <c>/</c>.</param>
/// <param name="Content">The bytes to write.</param>
public sealed record OutputFile(string Path, byte[] Content)
{
    /// <summary>A UTF-8 text file (no byte-order mark).</summary>
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
