using System.Text;
using System.Text.Json;

namespace SiteBuilder.Cli.Lunr;

/// <summary>
/// Checks the <c>lunr</c> command's input before it is indexed, and says where it is wrong: not JSON, not an array,
/// an element that is no object, or an object without the ref property. One pass of a forward-only reader over the
/// bytes; the index builder then reads the same bytes.
/// </summary>
public static class LunrInputCheck
{
    /// <summary>
    /// The largest input read: 256 MiB, some 25 times the search documents of a 10,000-page site (the 10 MiB page
    /// limit, times the pages, would be far more than memory holds as a parsed document).
    /// </summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The first problem of <paramref name="json"/>, at its 1-based line and column; null when it is an array of objects that each have <paramref name="refName"/>.</summary>
    public static (int Line, int Column, string Message)? Check(byte[] json, string refName)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            // The reader throws at the end of the bytes when it expects more (an empty file, an unclosed array).
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                return At(json, reader.TokenStartIndex, $"expected a JSON array of documents, found {Describe(reader.TokenType)}");
            int number = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                number++;
                long start = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                    return At(json, start, $"document #{number} is {Describe(reader.TokenType)}, not an object");
                bool hasRef = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    hasRef |= reader.ValueTextEquals(refName);
                    reader.Read();
                    reader.Skip();
                }
                if (!hasRef) return At(json, start, $"document #{number} has no '{refName}' property to use as its ref (--ref {refName})");
            }
            // Reading on makes the reader check that nothing follows the array (it throws if something does).
            reader.Read();
            return null;
        }
        catch (JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            int line = (int)(ex.LineNumber ?? 0);
            return (line + 1, Column(json, line, ex.BytePositionInLine ?? 0), "not valid JSON: " + message);
        }
    }

    private static (int, int, string) At(byte[] json, long offset, string message)
    {
        int line = 0;
        long lineStart = 0;
        for (long i = 0; i < offset; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line + 1, Column(json, line, offset - lineStart), message);
    }

    // The 1-based column, in characters, of the byte at bytesIntoLine of the 0-based line.
    private static int Column(byte[] json, int line, long bytesIntoLine)
    {
        long start = 0;
        for (int l = 0; l < line && start < json.Length; start++)
            if (json[start] == (byte)'\n') l++;
        int length = (int)Math.Clamp(bytesIntoLine, 0, json.Length - start);
        return Encoding.UTF8.GetCharCount(json, (int)start, length) + 1;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
