using System.Collections;
using System.Text.Json;

namespace SiteBuilder.Search.Lunr;

/// <summary>JavaScript's string conversion of document values (refs and field values), as lunr applies it.</summary>
internal static class JsValue
{
    /// <summary><c>lunr.utils.asString</c>: null becomes the empty string, anything else its <c>toString()</c>.</summary>
    public static string AsString(object? value) => value is null ? "" : ToJsString(value);

    /// <summary>JavaScript's <c>String(value)</c> for the values a JSON document can hold.</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => JsNumber.Format(d),
        float f => JsNumber.Format(f),
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => JsNumber.Format(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        JsonElement e => FromJson(e),
        IDictionary => "[object Object]",
        // Array.prototype.toString joins with commas, null and undefined elements becoming empty.
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(AsString)),
        _ => value.ToString() ?? "",
    };

    /// <summary>Converts parsed JSON to plain values: string, double, bool, null, <see cref="List{T}"/> or an ordered dictionary.</summary>
    public static object? FromJsonElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(FromJsonElement).ToList(),
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal),
            (d, p) => { d[p.Name] = FromJsonElement(p.Value); return d; }),
        _ => null,
    };

    private static string FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => JsNumber.Format(e.GetDouble()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => string.Join(",", e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? "" : FromJson(x))),
        JsonValueKind.Object => "[object Object]",
        _ => "undefined",
    };
}
