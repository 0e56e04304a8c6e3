namespace SiteBuilder.LinkCheck.External;

/// <summary>A set of accepted HTTP status codes, parsed from <c>200..299,403</c>.</summary>
public sealed class StatusCodeSet
{
    private readonly (int From, int To)[] _ranges;

    private StatusCodeSet((int, int)[] ranges) => _ranges = ranges;

    /// <summary>2xx: the default.</summary>
    public static StatusCodeSet Success { get; } = new([(200, 299)]);

    /// <summary>True when the code is in the set.</summary>
    public bool Contains(int code) => _ranges.Any(r => code >= r.From && code <= r.To);

    /// <summary>Parses comma-separated codes and <c>FROM..TO</c> ranges.</summary>
    /// <exception cref="FormatException">A part is not a code or range of codes 100–999.</exception>
    public static StatusCodeSet Parse(string text)
    {
        var ranges = new List<(int, int)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dots = raw.IndexOf("..", StringComparison.Ordinal);
            (string a, string b) = dots < 0 ? (raw, raw) : (raw[..dots], raw[(dots + 2)..]);
            if (!int.TryParse(a, out int from) || !int.TryParse(b, out int to) || from < 100 || to > 999 || from > to)
                throw new FormatException($"'{raw}' is not a status code or range such as 200..299");
            ranges.Add((from, to));
        }
        if (ranges.Count == 0) throw new FormatException("no status codes given");
        return new StatusCodeSet([.. ranges]);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(',', _ranges.Select(r => r.From == r.To ? $"{r.From}" : $"{r.From}..{r.To}"));
}
