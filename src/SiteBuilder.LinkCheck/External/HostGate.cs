using System.Diagnostics;

namespace SiteBuilder.LinkCheck.External;

/// <summary>
/// Politeness for one host: at most <see cref="HostSettings.Concurrency"/> requests in flight and
/// at least <see cref="HostSettings.Interval"/> between the starts of two requests.
/// </summary>
internal sealed class HostGate
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _interval;
    private readonly Lock _lock = new();
    private long _nextStart; // Stopwatch ticks: a monotonic clock, immune to wall-clock changes.

    public HostGate(HostSettings settings)
    {
        _slots = new SemaphoreSlim(Math.Max(1, settings.Concurrency));
        _interval = settings.Interval;
    }

    /// <summary>Waits for a slot and for the interval; dispose the result when the request is over.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_lock)
            {
                long now = Stopwatch.GetTimestamp();
                long start = Math.Max(now, _nextStart);
                _nextStart = start + (long)(_interval.TotalSeconds * Stopwatch.Frequency);
                wait = Stopwatch.GetElapsedTime(now, start);
            }
            // Timers may fire a tick early; wait until the monotonic clock has truly passed the start.
            if (wait > TimeSpan.Zero) await Task.Delay(wait + TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
            return new Release(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) slots.Release();
        }
    }
}
