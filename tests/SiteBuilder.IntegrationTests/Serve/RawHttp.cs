using System.Net.Sockets;
using System.Text;

namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>
/// Sends a request line exactly as written (HttpClient would normalise <c>..</c> and encodings away,
/// which is what an attacker's client does not do).
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <c>GET target</c> and returns the status code and the whole response text.</summary>
    public static async Task<(int Status, string Response)> GetAsync(Uri server, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        byte[] request = Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var buffer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(buffer, timeout.Token);
        string response = Encoding.Latin1.GetString(buffer.ToArray());
        // "HTTP/1.1 404 Not Found"
        int status = response.Length >= 12 && int.TryParse(response.AsSpan(9, 3), out int code) ? code : 0;
        return (status, response);
    }
}
