using System.Runtime.CompilerServices;

namespace SiteBuilder.TestSupport;

/// <summary>
/// Points the layout cache (<c>SITEBUILDER_CACHE_DIR</c>) at a folder of this test run before any test starts, so
/// tests, and the CLI processes they start, neither read nor fill the user's cache; the folder is removed when the run
/// ends. Compiled into each test project that builds sites (linked from <c>tests/Shared/</c>).
/// </summary>
internal static class TestCacheDirectory
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SITEBUILDER_CACHE_DIR"))) return;
        string dir = Directory.CreateTempSubdirectory("sitebuilder-test-cache-").FullName;
        Environment.SetEnvironmentVariable("SITEBUILDER_CACHE_DIR", dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }
}
