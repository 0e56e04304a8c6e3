namespace SiteBuilder.Build;

/// <summary>What to build and where.</summary>
public sealed record BuildOptions
{
    /// <summary>The folder holding <c>pages/</c>, <c>layouts/</c> and <c>site.yml</c>.</summary>
    public required string SourceDir { get; init; }
    /// <summary>The output folder; defaults to <c>SOURCE/_site</c>.</summary>
    public string? OutputDir { get; init; }
    /// <summary>Include pages marked <c>draft: true</c>.</summary>
    public bool IncludeDrafts { get; init; }
    /// <summary>Treat warnings as errors.</summary>
    public bool Strict { get; init; }
    /// <summary>Build and validate but write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>
    /// The URL the site is published at, overriding <c>base_url</c> of <c>site.yml</c> (e.g. the address a deployment
    /// learns only when it runs, as GitHub Pages does); null to keep the configured one.
    /// </summary>
    public string? BaseUrl { get; init; }
    /// <summary>Unix seconds to use as "now"; from <c>SOURCE_DATE_EPOCH</c> when not set (see <see cref="Build.SourceDateEpoch"/>).</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>The longest one page may take to parse before it is given up with SB0132 (no input may hang a build).</summary>
    public TimeSpan PageParseTimeLimit { get; init; } = Safety.ReadLimits.PageParseTime;

    /// <summary>
    /// Let layouts run any C# (<c>--trust-layouts</c>). By default they run in safe mode: only the page model, strings,
    /// numbers, dates, collections and a few LINQ methods, so a layout in an untrusted pull request cannot read files,
    /// use the network or start processes (see the README's "Safety").
    /// </summary>
    public bool TrustLayouts { get; init; }

    /// <summary>The longest one page's render through its layouts may take before it is stopped with SB0305.</summary>
    public TimeSpan LayoutRenderTimeLimit { get; init; } = Layouts.RazorLightLayoutRenderer.DefaultRenderTimeLimit;

    /// <summary>Receives a report before each build step (the CLI shows a progress bar); null for none.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>The resolved output folder.</summary>
    public string ResolvedOutputDir => Path.GetFullPath(OutputDir ?? Path.Combine(SourceDir, Safety.OutputLocation.DefaultFolder));
}
