namespace SiteBuilder.LinkCheck;

/// <summary>The stable lower-case names of <see cref="LinkStatus"/> values, as reporters and files write them.</summary>
public static class LinkStatusNames
{
    /// <summary>The lower-case name, e.g. <c>broken</c>.</summary>
    public static string ToName(this LinkStatus status) => status switch
    {
        LinkStatus.Ok => "ok",
        LinkStatus.Redirected => "redirected",
        LinkStatus.Broken => "broken",
        LinkStatus.Unverifiable => "unverifiable",
        LinkStatus.Excluded => "excluded",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses a lower-case name; false when it is unknown.</summary>
    public static bool TryParse(string? name, out LinkStatus status)
    {
        foreach (var value in Enum.GetValues<LinkStatus>())
        {
            if (string.Equals(value.ToName(), name, StringComparison.Ordinal)) { status = value; return true; }
        }
        status = default;
        return false;
    }

    /// <summary>True for the results worth caching and reusing: <c>ok</c> and <c>redirected</c>.</summary>
    public static bool IsGood(this LinkStatus status) => status is LinkStatus.Ok or LinkStatus.Redirected;
}
