using SiteBuilder.LinkCheck;
using Spectre.Console;

namespace SiteBuilder.Cli.LinkCheck;

/// <summary>
/// A live progress bar of the external checks on standard error, drawn only on an interactive
/// terminal without <c>NO_COLOR</c>; standard output stays clean for the report.
/// </summary>
public static class LinkCheckProgressBar
{
    /// <summary>True when a live bar should be drawn.</summary>
    public static bool IsWanted(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Runs <paramref name="work"/> with a live bar fed by the progress it reports.</summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<LinkCheckProgress>, Task<T>> work)
    {
        // Spectre judges interactivity by standard output, which may be a redirected report: stderr was checked above.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("external links", maxValue: 1);
                // Progress<T> would post to a sync context; a direct callback keeps the bar current.
                var progress = new DirectProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = await work(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    private sealed class DirectProgress(Action<LinkCheckProgress> report) : IProgress<LinkCheckProgress>
    {
        public void Report(LinkCheckProgress value) => report(value);
    }
}
