using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.CodeAnalysis.CSharp;

namespace SiteBuilder.Layouts;

/// <summary>
/// Keeps compiled layouts, so an unchanged theme is loaded rather than compiled: in memory for the life of the
/// process (the preview server makes a renderer per edit) and on disk across builds, as one assembly per layout set
/// in <c>DIRECTORY/layouts/KEY.dll</c>. The key is a hash of everything the assembly depends on: the template names
/// and texts, and the SiteBuilder, RazorLight, Razor, Roslyn and runtime builds. A missing, unreadable or corrupt
/// file is compiled again and replaced; an unwritable folder only means compiling in memory. Files are written to a
/// temporary name and renamed, so concurrent builds never read half a file.
/// </summary>
public sealed class LayoutCache
{
    // Bump when the file format or the compilation changes in a way the assembly MVIDs below do not show.
    private const string Format = "sitebuilder-layouts/3";
    private static readonly byte[] Magic = "SBLAYOUT"u8.ToArray();
    private static readonly TimeSpan Unused = TimeSpan.FromDays(30);
    private static readonly Lazy<LayoutCache> DefaultCache = new(() => new LayoutCache(DefaultDirectory(Environment.GetEnvironmentVariable),
        // Empty in a single-file app: then there is no folder beside the assembly to look in.
        typeof(LayoutCache).Assembly.Location is { Length: > 0 } core ? Path.Combine(Path.GetDirectoryName(core)!, "layout-cache") : null));

    // The builds that shape a compiled assembly. SiteBuilder.Core's MVID also changes with the versions it references.
    private static readonly Lazy<string> Toolchain = new(() => string.Join('\n',
        new[] { typeof(LayoutCache), typeof(RazorLight.TemplatePageBase), typeof(RazorEngine), typeof(CSharpCompilation),
                typeof(Microsoft.CodeAnalysis.Compilation), typeof(Microsoft.AspNetCore.Html.IHtmlContent), typeof(object) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))
            .Append(Environment.Version.ToString())));

    private readonly ConcurrentDictionary<string, Lazy<CompiledLayouts>> _memory = new(StringComparer.Ordinal);

    /// <summary>A cache in <paramref name="directory"/> (created when needed); null keeps compiled layouts in memory only.</summary>
    public LayoutCache(string? directory) : this(directory, bundled: null) { }

    /// <summary>A cache that also reads, never writes, the precompiled layouts in <paramref name="bundled"/>.</summary>
    internal LayoutCache(string? directory, string? bundled)
    {
        Directory = directory;
        Bundled = bundled;
    }

    /// <summary>The cache folder; null when nothing is kept on disk.</summary>
    public string? Directory { get; }

    /// <summary>
    /// The built-in theme compiled when SiteBuilder itself was built (<c>sitebuilder precompile-theme</c>), read-only:
    /// <c>layout-cache/</c> beside SiteBuilder.Core.dll, so a first build with the built-in theme compiles nothing.
    /// </summary>
    internal string? Bundled { get; }

    /// <summary>The user's cache, in <see cref="DefaultDirectory"/> of this process's environment.</summary>
    public static LayoutCache Default => DefaultCache.Value;

    /// <summary>
    /// The folder of the user's cache: <c>SITEBUILDER_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/sitebuilder</c>,
    /// else <c>~/.cache/sitebuilder</c> (on Windows, <c>%LOCALAPPDATA%\sitebuilder\cache</c>); null when there is no home.
    /// </summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public static string? DefaultDirectory(Func<string, string?> environment)
    {
        if (environment("SITEBUILDER_CACHE_DIR") is { Length: > 0 } own) return Path.GetFullPath(own);
        if (OperatingSystem.IsWindows())
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } local
                ? Path.Combine(local, "sitebuilder", "cache") : null;
        // The XDG base directory spec: a relative XDG_CACHE_HOME is invalid and ignored.
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "sitebuilder");
        string? home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "sitebuilder");
    }

    /// <summary>The compiled templates of <paramref name="layouts"/>: from memory, from disk, or compiled now.</summary>
    /// <param name="layouts">The layouts.</param>
    /// <param name="trusted">Compiled without safe mode's checks (<c>--trust-layouts</c>): kept apart from those compiled with them.</param>
    internal CompiledLayouts GetOrCompile(LayoutSet layouts, bool trusted = false)
    {
        string key = KeyOf(layouts.Templates, trusted);
        return _memory.GetOrAdd(key, k => new Lazy<CompiledLayouts>(() => LoadOrCompile(k, layouts.Templates, trusted))).Value;
    }

    /// <summary>
    /// Compiles <paramref name="layouts"/> into the cache folder unless it is there already (for the built-in theme at
    /// SiteBuilder's own build). Returns false when a template has an error or the file could not be written.
    /// </summary>
    public bool Precompile(LayoutSet layouts)
    {
        var compiled = GetOrCompile(layouts);
        return compiled.Problems.Count == 0 && PathOf(Directory, KeyOf(layouts.Templates)) is { } path && File.Exists(path);
    }

    /// <summary>The file an assembly of that key is kept in, or null without a cache folder.</summary>
    internal string? PathOf(string key) => PathOf(Directory, key);

    private static string? PathOf(string? directory, string key) => directory is null ? null : Path.Combine(directory, "layouts", key + ".dll");

    /// <summary>
    /// The cache key of a set of templates (name → text) compiled in safe mode or trusted: a lowercase hex SHA-256. An
    /// assembly compiled trusted never serves a safe build, which would then run code safe mode refuses.
    /// </summary>
    internal static string KeyOf(IReadOnlyDictionary<string, string> templates, bool trusted = false)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            // Length-prefixed, so no two different sets of names and texts hash the same input.
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        Add(Format);
        Add(Toolchain.Value);
        Add(trusted ? "trusted" : "safe");
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Add(name);
            Add(text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private CompiledLayouts LoadOrCompile(string key, IReadOnlyDictionary<string, string> templates, bool trusted)
    {
        string? path = PathOf(key);
        var none = new Dictionary<string, IReadOnlyList<LayoutCompileProblem>>();
        foreach (string? file in new[] { PathOf(Bundled, key), path })
            if (file is not null && Read(file) is { } cached && CompiledLayouts.Load(cached, templates.Keys, none, fromDisk: true) is { } loaded)
                return loaded;

        // Deterministic, and named by its key: the same templates always make the same bytes.
        var (image, problems) = LayoutCompiler.Compile(templates, "SiteBuilder.Layouts." + key[..16], trusted);
        // Only a set that compiled whole is kept: a set with errors is being edited and will change.
        if (path is not null && image is not null && problems.Count == 0) Write(path, image);
        var compiled = templates.Keys.Where(n => !problems.ContainsKey(n));
        return CompiledLayouts.Load(image, compiled, problems, fromDisk: false)
            ?? throw new InvalidOperationException("the layouts just compiled do not load");
    }

    /// <summary>The assembly image in a cache file, or null when it is missing, unreadable or corrupt.</summary>
    private static byte[]? Read(string path)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // MAGIC, SHA-256 of the image, image: a truncated or damaged file fails the hash and is compiled again.
        int header = Magic.Length + SHA256.HashSizeInBytes;
        if (file.Length <= header || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var image = file.AsSpan(header);
        return SHA256.HashData(image).AsSpan().SequenceEqual(file.AsSpan(Magic.Length, SHA256.HashSizeInBytes)) ? image.ToArray() : null;
    }

    private static void Write(string path, byte[] image)
    {
        string dir = Path.GetDirectoryName(path)!;
        string temp = Path.Combine(dir, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Magic);
                stream.Write(SHA256.HashData(image));
                stream.Write(image);
            }
            // rename(2) replaces the file atomically: a concurrent build reads the old file or the new one, never a mix.
            File.Move(temp, path, overwrite: true);
            Prune(dir, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unwritable cache is no error: the layouts are compiled in memory next time too.
            try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Removes assemblies not used for <see cref="Unused"/> and temporary files left by killed builds.</summary>
    private static void Prune(string dir, string keep)
    {
        var now = DateTime.UtcNow;
        foreach (var file in new DirectoryInfo(dir).EnumerateFiles())
        {
            // Access times are coarse (relatime updates them once a day), which is fine at this scale.
            var used = file.LastAccessTimeUtc > file.LastWriteTimeUtc ? file.LastAccessTimeUtc : file.LastWriteTimeUtc;
            bool stale = file.Extension switch
            {
                ".dll" => now - used > Unused,
                ".tmp" => now - file.LastWriteTimeUtc > TimeSpan.FromHours(1),
                _ => false,
            };
            if (stale && file.FullName != keep)
                try { file.Delete(); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}
