namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A sparse vector of (term index, score) pairs kept sorted by index, lunr's <c>lunr.Vector</c>.
/// Serialized as lunr does: a flat array <c>[index, value, index, value, …]</c>.
/// </summary>
public sealed class Vector
{
    private readonly List<int> _indexes;
    private readonly List<double> _values;

    /// <summary>A vector from pairs already sorted by index.</summary>
    public Vector(List<int> sortedIndexes, List<double> values)
    {
        _indexes = sortedIndexes;
        _values = values;
    }

    /// <summary>Number of non-zero entries.</summary>
    public int Count => _indexes.Count;

    /// <summary>The term index of entry <paramref name="i"/>.</summary>
    public int IndexAt(int i) => _indexes[i];

    /// <summary>The value of entry <paramref name="i"/>.</summary>
    public double ValueAt(int i) => _values[i];

    /// <summary>The value at term index <paramref name="index"/>, or null when the vector has none there.</summary>
    public double? Find(int index)
    {
        var pos = _indexes.BinarySearch(index);
        return pos >= 0 ? _values[pos] : null;
    }
}
