namespace SiteBuilder.LinkCheck;

/// <summary>Whether a link points inside the built site or to another host.</summary>
public enum LinkKind
{
    /// <summary>A relative or root-relative link to a file of the built site.</summary>
    Internal,

    /// <summary>An absolute <c>http</c> or <c>https</c> URL.</summary>
    External,
}
