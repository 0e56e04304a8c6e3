namespace SiteBuilder.Search.Lunr;

/// <summary>
/// A token passing through a <see cref="Pipeline"/>: its text, and the metadata lunr's tokenizer attaches
/// (the field, the <c>[start, length]</c> position in the lower-cased field text, and the token's index).
/// Mirrors <c>lunr.Token</c>.
/// </summary>
public sealed class Token
{
    private Dictionary<string, object?>? _extra;

    /// <summary>Creates a token.</summary>
    /// <param name="str">The token text.</param>
    /// <param name="field">The field it came from.</param>
    /// <param name="start">Start of the token in the lower-cased field text, or -1 when the field was an array.</param>
    /// <param name="length">Length in UTF-16 code units, or -1.</param>
    /// <param name="index">Ordinal of the token in its field, or -1.</param>
    public Token(string str, string field, int start = -1, int length = -1, int index = -1)
    {
        Str = str;
        Field = field;
        Start = start;
        Length = length;
        Index = index;
    }

    /// <summary>The token text; pipeline functions may replace it (lunr's <c>token.update</c>).</summary>
    public string Str { get; set; }

    /// <summary>The field the token came from (lunr's <c>metadata.fields[0]</c>).</summary>
    public string Field { get; }

    /// <summary>Start offset in the lower-cased field text, or -1 for tokens of array-valued fields.</summary>
    public int Start { get; }

    /// <summary>Length in UTF-16 code units, or -1 for tokens of array-valued fields.</summary>
    public int Length { get; }

    /// <summary>Ordinal of the token among its field's tokens, or -1 for tokens of array-valued fields.</summary>
    public int Index { get; }

    /// <summary>Sets a custom metadata entry, which the builder stores when its key is whitelisted.</summary>
    public void SetMetadata(string key, object? value) => (_extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;

    /// <summary>
    /// The metadata value lunr would find under <paramref name="key"/>: <c>position</c> → <c>[start, length]</c>,
    /// <c>index</c>, <c>fields</c> → <c>[field]</c>, or a custom entry; null when absent (serialized as JSON null,
    /// as <c>JSON.stringify</c> writes an <c>undefined</c> array element).
    /// </summary>
    public object? GetMetadata(string key)
    {
        if (_extra != null && _extra.TryGetValue(key, out var v)) return v;
        return key switch
        {
            "position" when Start >= 0 => new[] { Start, Length },
            "index" when Index >= 0 => Index,
            "fields" => new[] { Field },
            _ => null,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Str;
}
