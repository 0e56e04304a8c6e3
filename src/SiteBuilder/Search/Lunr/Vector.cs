namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A sparse vector of (term index, score) pairs kept sorted by index, lunr's <c>lunr.Vector</c>.
/// Serialized as lunr does: a flat array <c>[index, value, index, value, …]</c>.
/// </summary>
public sealed class Vector
{
    private readonly List<int> _indexes;
    private readonly List<double> _values;
    private double _magnitude;

    /// <summary>An empty vector.</summary>
    public Vector()
    {
        _indexes = new List<int>();
        _values = new List<double>();
    }

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

    /// <summary>Adds <paramref name="value"/> to the entry at <paramref name="index"/>, inserting it if absent.</summary>
    public void Upsert(int index, double value, Func<double, double, double> combine)
    {
        _magnitude = 0;
        var pos = _indexes.BinarySearch(index);
        if (pos >= 0) _values[pos] = combine(_values[pos], value);
        else
        {
            _indexes.Insert(~pos, index);
            _values.Insert(~pos, value);
        }
    }

    /// <summary>The Euclidean length, summed in index order as lunr does.</summary>
    public double Magnitude()
    {
        if (_magnitude != 0) return _magnitude;
        var sum = 0.0;
        foreach (var v in _values) sum += v * v;
        return _magnitude = Math.Sqrt(sum);
    }

    /// <summary>The dot product with another vector.</summary>
    public double Dot(Vector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < _indexes.Count && j < other._indexes.Count)
        {
            int a = _indexes[i], b = other._indexes[j];
            if (a < b) i++;
            else if (a > b) j++;
            else
            {
                dot += _values[i] * other._values[j];
                i++;
                j++;
            }
        }
        return dot;
    }

    /// <summary>lunr's similarity: <c>this.dot(other) / this.magnitude() || 0</c> (divides by this vector's length only).</summary>
    public double Similarity(Vector other)
    {
        var s = Dot(other) / Magnitude();
        return double.IsNaN(s) || s == 0 ? 0 : s;
    }
}
