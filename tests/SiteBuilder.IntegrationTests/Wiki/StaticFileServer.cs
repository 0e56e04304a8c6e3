using System.Net;
using System.Net.Sockets;

namespace SiteBuilder.IntegrationTests.Wiki;

/// <summary>A minimal static file server on 127.0.0.1 for browser tests: folders serve their index.html.</summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    /// <summary>Starts serving <paramref name="root"/> on a free loopback port.</summary>
    public StaticFileServer(string root)
    {
        _root = Path.GetFullPath(root);
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The server's base URL, ending with <c>/</c>.</summary>
    public string BaseUrl { get; }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            Serve(context);
        }
    }

    private void Serve(HttpListenerContext context)
    {
        string path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        string full = Path.GetFullPath(Path.Combine(_root, path));
        if (Directory.Exists(full))
        {
            if (!context.Request.Url.AbsolutePath.EndsWith('/'))
            {
                context.Response.Redirect(context.Request.Url.AbsolutePath + "/" + context.Request.Url.Query);
                context.Response.Close();
                return;
            }
            full = Path.Combine(full, "index.html");
        }
        if (!full.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(full))
        {
            context.Response.StatusCode = 404;
            context.Response.Close();
            return;
        }
        context.Response.ContentType = Path.GetExtension(full) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css",
            ".js" => "text/javascript",
            ".json" => "application/json",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        byte[] bytes = File.ReadAllBytes(full);
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        int port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
