namespace SiteBuilder.IntegrationTests.Serve;

/// <summary>One served site shared by the tests of a class (the first build compiles the layouts, which takes seconds).</summary>
public sealed class ServedSiteFixture : IAsyncLifetime
{
    /// <summary>The site.</summary>
    public ServedSite Site { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Site = await ServedSite.StartAsync(watch: false);

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Site.DisposeAsync();
}
