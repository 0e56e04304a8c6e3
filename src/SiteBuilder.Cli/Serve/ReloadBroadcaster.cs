using System.Threading.Channels;

namespace SiteBuilder.Cli.Serve;

/// <summary>Fans server-sent events out to every open browser tab.</summary>
public sealed class ReloadBroadcaster
{
    private readonly object _gate = new();
    private readonly List<Channel<string>> _clients = [];
    private readonly Dictionary<Channel<string>, string> _pages = [];

    /// <summary>Number of connected clients.</summary>
    public int ClientCount
    {
        get { lock (_gate) return _clients.Count; }
    }

    /// <summary>
    /// The site files (<c>docs/guide/index.html</c>) the connected clients show, as each one said when it connected.
    /// </summary>
    public IReadOnlySet<string> OpenPages
    {
        get { lock (_gate) return _pages.Values.ToHashSet(StringComparer.Ordinal); }
    }

    /// <summary>Registers a client showing the site file <paramref name="page"/> (null if unknown); dispose the subscription when it disconnects.</summary>
    public (ChannelReader<string> Reader, IDisposable Subscription) Subscribe(string? page = null)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _clients.Add(channel);
            if (page is not null) _pages[channel] = page;
        }
        return (channel.Reader, new Unsubscriber(this, channel));
    }

    /// <summary>Sends one event (<c>event:</c> name and a one-line JSON <c>data:</c>) to every client.</summary>
    public void Broadcast(string eventName, string json)
    {
        string message = Format(eventName, json);
        lock (_gate)
            foreach (var client in _clients) client.Writer.TryWrite(message);
    }

    /// <summary>The wire form of one event.</summary>
    public static string Format(string eventName, string json) => $"event: {eventName}\ndata: {json}\n\n";

    private sealed class Unsubscriber(ReloadBroadcaster owner, Channel<string> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._clients.Remove(channel);
                owner._pages.Remove(channel);
            }
            channel.Writer.TryComplete();
        }
    }
}
