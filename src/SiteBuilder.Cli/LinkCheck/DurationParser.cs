using System.Globalization;

namespace SiteBuilder.Cli.LinkCheck;

/// <summary>Parses durations such as <c>1d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c> or <c>1.12:00:00</c>.</summary>
public static class DurationParser
{
    /// <summary>Parses a duration; false when the text is not one or is negative.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        string t = text.Trim();
        duration = default;
        if (t.Length >= 2 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n >= 0)
        {
            TimeSpan? d = char.ToLowerInvariant(t[^1]) switch
            {
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                's' => TimeSpan.FromSeconds(n),
                _ => null,
            };
            if (d is { } value) { duration = value; return true; }
        }
        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
