namespace SiteBuilder.Search.Shards;

/// <summary>When a term's tail is cut into ref-range parts, and how big each part is (bytes of posting data).</summary>
/// <param name="SplitTailBytes">A tail longer than this is cut.</param>
/// <param name="TailPartBytes">About the size of each part.</param>
internal readonly record struct TailSizes(int SplitTailBytes, int TailPartBytes)
{
    /// <summary>The sizes a site is written with (<see cref="ShardWriter.SplitTailBytes"/>, <see cref="ShardWriter.TailPartBytes"/>).</summary>
    public static TailSizes Default => new(ShardWriter.SplitTailBytes, ShardWriter.TailPartBytes);
}
