using System.Security.Cryptography;
using System.Text.Json;

namespace SiteBuilder.Layouts;

/// <summary>
/// A hash of everything a layout can read from a page model. Two equal fingerprints mean the same
/// HTML (layouts are deterministic), so the page need not go through Razor again.
/// </summary>
public static class ModelFingerprint
{
    // Fields too: the site model's sections are value tuples, whose items are fields.
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true, WriteIndented = false };

    /// <summary>The fingerprint of <paramref name="model"/> rendered through <paramref name="layout"/>.</summary>
    public static byte[] Of(string layout, PageModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(layout);
            JsonSerializer.Serialize(writer, model, Options);
            writer.WriteEndArray();
        }
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
