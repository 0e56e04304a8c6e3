using SiteBuilder.Cli.Serve;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// A small site in a temporary folder, served by a real <see cref="PreviewServer"/> on a free port of
/// 127.0.0.1. Beside the site's output live files that must never be served: the sources, a secret
/// file above the site, and symbolic links under <c>pages/</c> that point outside it.
/// </summary>
public sealed class ServedSite : IAsyncDisposable
{
    /// <summary>Text of the secret files; no response may ever contain it.</summary>
    public const string Secret = "TOP-SECRET-7f3a9c";

    private ServedSite(string root, string source, PreviewServer server)
    {
        Root = root;
        Source = source;
        Server = server;
    }

    /// <summary>The temporary folder holding the site folder and the secret outside it.</summary>
    public string Root { get; }
    /// <summary>The site's source folder.</summary>
    public string Source { get; }
    /// <summary>The running server.</summary>
    public PreviewServer Server { get; }
    /// <summary>The server's address.</summary>
    public Uri Url => Server.Url;

    /// <summary>Writes the site and starts serving it.</summary>
    /// <param name="watch">Watch the sources (or drive changes with <see cref="PreviewServer.Notify"/>).</param>
    /// <param name="fullReload">Serve with <see cref="PreviewOptions.FullReload"/>.</param>
    /// <param name="ownTheme">Give the site a copy of the repository's <c>layouts/</c> instead of the built-in theme.</param>
    public static async Task<ServedSite> StartAsync(bool watch, bool fullReload = false, bool ownTheme = false)
    {
        string root = Directory.CreateTempSubdirectory("sitebuilder-serve-").FullName;
        string source = Path.Combine(root, "site");
        void Write(string path, string text)
        {
            string full = Path.Combine(source, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        File.WriteAllText(Path.Combine(root, "secret.txt"), Secret);
        Directory.CreateDirectory(Path.Combine(root, "outside"));
        File.WriteAllText(Path.Combine(root, "outside", "secret.txt"), Secret);
        Write("site.yml", "title: Serve test\nbase_url: https://example.org/\n");
        Write("secret.txt", Secret);
        Write("pages/index.md", "---\ntitle: Home\n---\nWelcome home. See [the guide](docs/guide.md).\n");
        Write("pages/docs/index.md", "---\ntitle: Docs\n---\nThe docs.\n");
        Write("pages/docs/guide.md", "---\ntitle: Guide\n---\nThe first version of the guide.\n");
        Write("pages/docs/note.txt", "a page asset\n");
        // Symbolic links under pages/: one to a file outside, one to a folder outside, one inside.
        File.CreateSymbolicLink(Path.Combine(source, "pages", "leak.txt"), Path.Combine(root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(source, "pages", "linked"), Path.Combine(root, "outside"));
        File.CreateSymbolicLink(Path.Combine(source, "pages", "docs", "inside.txt"), Path.Combine(source, "pages", "docs", "note.txt"));

        if (ownTheme)
        {
            string theme = Path.Combine(Support.BuiltSite.RepoRoot, "layouts");
            foreach (string file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories))
                Write(Path.Combine("layouts", Path.GetRelativePath(theme, file)), File.ReadAllText(file));
        }
        var server = await PreviewServer.StartAsync(new PreviewOptions { SourceDir = source, Port = 0, Watch = watch, FullReload = fullReload });
        return new ServedSite(root, source, server);
    }

    /// <summary>Path of a source file.</summary>
    public string PathOf(string relative) => Path.Combine(Source, relative);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
