namespace SiteBuilder.Safety;

/// <summary>What a path of the source folder is, once its links are followed.</summary>
public enum SourceEntryKind
{
    /// <summary>A regular file inside the source folder: safe to read.</summary>
    File,
    /// <summary>A folder inside the source folder.</summary>
    Folder,
    /// <summary>Nothing is there.</summary>
    Missing,
    /// <summary>Something that must not be read: a link out of the folder, a loop, a dangling link, a pipe, a device.</summary>
    Unsafe,
}

/// <summary>One entry of a <see cref="SourceTree"/>.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="RealPath">Its canonical path (files and folders only).</param>
/// <param name="Length">Its size in bytes (files only).</param>
/// <param name="Problem">Why it must not be read (unsafe entries only).</param>
public sealed record SourceEntry(SourceEntryKind Kind, string RealPath, long Length, string Problem);
