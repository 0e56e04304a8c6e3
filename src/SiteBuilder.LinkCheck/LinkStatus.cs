namespace SiteBuilder.LinkCheck;

/// <summary>The verdict on one link. Serialized in lower case (<c>ok</c>, <c>redirected</c>, …).</summary>
public enum LinkStatus
{
    /// <summary>The target exists (and so does its fragment, for internal links).</summary>
    Ok,

    /// <summary>The target answered through a permanent redirect (301/308); the link should be updated to the new URL.</summary>
    Redirected,

    /// <summary>The target is missing, answers an error, times out, or is a soft 404.</summary>
    Broken,

    /// <summary>The target could not be verified: a bot wall, or rate limiting that outlasted the retries.</summary>
    Unverifiable,

    /// <summary>Not checked because of an include or exclude pattern.</summary>
    Excluded,
}
