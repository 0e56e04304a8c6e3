using System.Net.Http.Headers;

namespace SiteBuilder.LinkCheck.External;

/// <summary>Reads a <c>Retry-After</c> header: delay seconds or an HTTP date.</summary>
public static class RetryAfterParser
{
    /// <summary>The delay the server asks for, never negative; null when the header is absent or unreadable.</summary>
    public static TimeSpan? Parse(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date) return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }

    /// <summary>Parses the raw header text (seconds or an HTTP date).</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now) =>
        value is not null && RetryConditionHeaderValue.TryParse(value, out var header) ? Parse(header, now) : null;
}
