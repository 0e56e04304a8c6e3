using System.Net.Http.Headers;

namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// Recognizes answers from bot protection rather than from the site: LinkedIn's 999, or a 403/503/429
/// carrying a challenge marker (Cloudflare's <c>cf-mitigated</c> header, or a known challenge page).
/// Such a link cannot be verified by a robot, which is not the same as broken.
/// </summary>
public static class BotWallDetector
{
    private static readonly string[] BodyMarkers =
    [
        "cf-chl-", "challenge-platform", "<title>Just a moment...</title>", "Attention Required! | Cloudflare",
        "_Incapsula_Resource", "captcha-delivery.com", "/_sec/cp_challenge/", "px-captcha",
    ];

    /// <summary>True when the answer is a bot wall.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The start of the body, when it was read.</param>
    public static bool IsBotWall(int status, HttpResponseHeaders headers, string? body)
    {
        if (status == 999) return true;
        if (status is not (403 or 429 or 503)) return false;
        if (headers.TryGetValues("cf-mitigated", out var values) && values.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase)))
            return true;
        return body is not null && BodyMarkers.Any(m => body.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
