namespace SiteBuilder.Search.Lunr;

/// <summary>Whether a clause's term may, must or must not appear (lunr's <c>lunr.Query.presence</c>).</summary>
public enum QueryPresence
{
    /// <summary>Scores documents that contain it; the default.</summary>
    Optional = 1,
    /// <summary><c>+term</c>: only documents containing it match.</summary>
    Required = 2,
    /// <summary><c>-term</c>: documents containing it are excluded.</summary>
    Prohibited = 3,
}
