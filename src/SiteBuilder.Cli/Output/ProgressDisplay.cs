using SiteBuilder.Build;
using Spectre.Console;

namespace SiteBuilder.Cli.Output;

/// <summary>
/// Shows the progress of long work: a Spectre.Console progress bar on an interactive terminal, one
/// plain line per step in CI or when output is redirected, nothing with <c>--quiet</c>. Writes to
/// standard error so standard output stays clean for results.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing the progress it reports.</summary>
    public static T Run<T>(ConsoleMode mode, string title, Func<IProgress<BuildProgress>?, T> work)
    {
        if (mode.Verbosity == Verbosity.Quiet) return work(null);
        if (!mode.Interactive)
        {
            Console.Error.WriteLine($"{title}…");
            return work(new PlainLines(Console.Error, mode.Verbosity == Verbosity.Verbose));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = mode.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Console.Error),
        });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = work(new BarUpdater(task, title));
                task.Value = 1;
            });
        return result;
    }

    /// <summary>Updates the bar directly (Spectre's tasks are thread-safe; Progress&lt;T&gt; would post late).</summary>
    private sealed class BarUpdater(ProgressTask task, string title) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            task.Description = Markup.Escape($"{title}: {value.Step}");
            task.Value = value.Fraction;
        }
    }

    /// <summary>One line per step, without redrawing: what CI logs can show.</summary>
    private sealed class PlainLines(TextWriter writer, bool verbose) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            if (verbose) writer.WriteLine($"  [{value.Index + 1,2}/{value.Count}] {value.Step}");
        }
    }
}
