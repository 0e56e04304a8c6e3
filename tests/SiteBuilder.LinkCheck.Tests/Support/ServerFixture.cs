namespace SiteBuilder.LinkCheck.Tests.Support;

/// <summary>One fake unece.org server shared by a test class; tests keep apart by their path keys.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>The server.</summary>
    public FakeUneceServer Server { get; private set; } = null!;

    /// <summary>A fresh path key for one test.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N")[..10];

    /// <inheritdoc/>
    public async Task InitializeAsync() => Server = await FakeUneceServer.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
