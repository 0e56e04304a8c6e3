using System.Text.Json;

namespace SiteBuilder.Search.Lunr;

/// <summary>Reads a JSON array of documents into the plain values <see cref="IndexBuilder.Add"/> takes, as <c>JSON.parse</c> would.</summary>
public static class LunrDocuments
{
    /// <summary>Parses a JSON array of objects.</summary>
    /// <exception cref="FormatException">The text is not JSON, not an array, or holds something other than objects; the message says where.</exception>
    public static List<IReadOnlyDictionary<string, object?>> Parse(Stream json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "";
            throw new FormatException($"not valid JSON{where}: {ex.Message}", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException($"expected a JSON array of documents, found {Describe(doc.RootElement.ValueKind)}");
            var docs = new List<IReadOnlyDictionary<string, object?>>(doc.RootElement.GetArrayLength());
            var i = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                i++;
                if (element.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"document #{i} is {Describe(element.ValueKind)}, not an object");
                docs.Add((Dictionary<string, object?>)JsValue.FromJsonElement(element)!);
            }
            return docs;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
