namespace SiteBuilder.Search.Lunr;

/// <summary>
/// The order in which JavaScript enumerates an object's keys (<c>Object.keys</c>, <c>JSON.stringify</c>):
/// array-index keys ("0" … "4294967294") first in numeric order, then the other keys in insertion order.
/// lunr's output and its search results follow this order wherever they iterate an object.
/// </summary>
internal static class JsKeyOrder
{
    /// <summary>True when <paramref name="key"/> is a canonical array index.</summary>
    public static bool IsArrayIndex(string key, out uint value)
    {
        value = 0;
        if (key.Length == 0 || key.Length > 10) return false;
        if (key[0] == '0') return key.Length == 1;
        ulong v = 0;
        foreach (var c in key)
        {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (uint)(c - '0');
        }
        if (v >= uint.MaxValue) return false;
        value = (uint)v;
        return true;
    }

    /// <summary>True when any key would move: some array-index key follows a non-index key or is out of numeric order.</summary>
    public static bool NeedsReorder<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var sawOther = false;
        var last = -1L;
        foreach (var item in items)
        {
            if (IsArrayIndex(key(item), out var v))
            {
                if (sawOther || v <= last) return true;
                last = v;
            }
            else sawOther = true;
        }
        return false;
    }

    /// <summary>Returns <paramref name="items"/> in JavaScript key order (stable for non-index keys).</summary>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        if (!NeedsReorder(items, key)) return items;
        var indexed = new List<(uint Value, T Item)>();
        var others = new List<T>();
        foreach (var item in items)
        {
            if (IsArrayIndex(key(item), out var v)) indexed.Add((v, item));
            else others.Add(item);
        }
        indexed.Sort((a, b) => a.Value.CompareTo(b.Value));
        var result = new List<T>(items.Count);
        result.AddRange(indexed.Select(x => x.Item));
        result.AddRange(others);
        return result;
    }
}
