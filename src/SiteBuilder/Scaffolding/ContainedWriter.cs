namespace SiteBuilder.Scaffolding;

/// <summary>
/// Writes files inside one folder and nowhere else: the folder is canonicalised once, each path must pass the rule of
/// every write (<see cref="Safety.OutputPaths"/>: no <c>..</c>, no absolute path, no backslash), and nothing on the way may be a symbolic link, so a
/// link planted in a site (<c>pages → /etc</c>) never sends a write outside it. Used by <c>init</c> and <c>schema</c>.
/// </summary>
public sealed class ContainedWriter
{
    /// <summary>Writes under <paramref name="root"/>, which is created if missing.</summary>
    public ContainedWriter(string root)
    {
        Directory.CreateDirectory(root);
        var info = new DirectoryInfo(Path.GetFullPath(root));
        // The root itself may be reached through links (/tmp on some systems): everything below it may not.
        Root = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    /// <summary>The canonical folder written to.</summary>
    public string Root { get; }

    /// <summary>Why <paramref name="relativePath"/> cannot be written, or null when it can (it may exist).</summary>
    public string? Problem(string relativePath)
    {
        // The containment rule of every write (Safety.OutputPaths), then no link on the way.
        if (Safety.OutputPaths.Problem(relativePath) is { } unsafePath) return $"'{relativePath}': {unsafePath}";
        string current = Root;
        string[] parts = relativePath.Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var info = new FileInfo(current);
            if (!info.Exists && !Directory.Exists(current) && info.LinkTarget is null) return null;
            if (info.LinkTarget is not null) return $"'{Relative(current)}' is a symbolic link";
            bool last = i == parts.Length - 1;
            if (!last && !Directory.Exists(current)) return $"'{Relative(current)}' is not a folder";
            if (last && Directory.Exists(current)) return $"'{Relative(current)}' is a folder";
        }
        return null;
    }

    /// <summary>True when the file exists (or anything, even a dangling link, is at its path).</summary>
    public bool Exists(string relativePath)
    {
        string full = Path.Combine(Root, relativePath);
        return File.Exists(full) || Directory.Exists(full) || new FileInfo(full).LinkTarget is not null;
    }

    /// <summary>Creates a new file; fails with an <see cref="IOException"/> when anything is at its path (never overwrites).</summary>
    public void CreateNew(string relativePath, ReadOnlySpan<byte> content)
    {
        string full = Prepare(relativePath);
        // CreateNew is O_EXCL: it refuses an existing file, and a symbolic link even when it points nowhere.
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
        stream.Write(content);
    }

    /// <summary>Writes a file, replacing the one there by a rename (a reader never sees half a file; a link there is replaced, not followed).</summary>
    public void Replace(string relativePath, ReadOnlySpan<byte> content)
    {
        string full = Prepare(relativePath);
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) stream.Write(content);
        File.Move(temp, full, overwrite: true);
    }

    private string Prepare(string relativePath)
    {
        if (Problem(relativePath) is { } problem) throw new IOException($"cannot write {relativePath}: {problem}");
        string full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Checked again once the folders exist: one of them may have been made a link in between.
        if (Problem(relativePath) is { } late) throw new IOException($"cannot write {relativePath}: {late}");
        return full;
    }

    private string Relative(string full) => Path.GetRelativePath(Root, full).Replace('\\', '/');
}
