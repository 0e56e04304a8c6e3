namespace SiteBuilder.LinkCheck.External;

/// <summary>The outcome of one HTTP request: a response, or a network error or timeout.</summary>
internal sealed record HttpAttempt(int Status, string? Location, TimeSpan? RetryAfter, bool BotWall, string? Body, string? Error)
{
    public static HttpAttempt Failed(string error) => new(0, null, null, false, null, error);

    /// <summary>Worth another try: network errors, timeouts, 429 and 5xx (except 501 and bot walls).</summary>
    public bool IsTransient => Error is not null || (!BotWall && (Status == 429 || (Status >= 500 && Status <= 599 && Status != 501)));

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308;
}
