using System.Diagnostics;

namespace SiteBuilder.Layouts;

/// <summary>
/// The limits of one render (one page through its layout, partials and <c>_Layout</c>): a deadline, an allocation
/// budget, and the stack of templates running. Used by one logical flow at a time, so it needs no locks. Once a limit
/// is hit it stays hit: every later check throws again, so a layout that catches the exception cannot carry on.
/// </summary>
internal sealed class LayoutRenderBudget
{
    // The clock and the allocation counter are read once every this many checks (a check is then a decrement).
    private const int ChecksPerClockRead = 256;

    private readonly long _deadline;
    private readonly long _allocationBudget;
    // Allocations are counted per thread: what the render allocated on the thread it was last seen on, plus before.
    private int _thread;
    private long _lastAllocated;
    private long _allocated;
    private readonly List<string> _running = [];
    private int _countdown = ChecksPerClockRead;
    private int _topLevel;
    private LayoutLimit? _hit;

    public LayoutRenderBudget(TimeSpan timeLimit, long allocationBudget)
    {
        _deadline = Stopwatch.GetTimestamp() + (long)(timeLimit.TotalSeconds * Stopwatch.Frequency);
        _allocationBudget = allocationBudget;
        _thread = Environment.CurrentManagedThreadId;
        _lastAllocated = GC.GetAllocatedBytesForCurrentThread();
    }

    public void Tick(string template, int line, int column)
    {
        if (--_countdown > 0 && _hit is null) return;
        _countdown = ChecksPerClockRead;
        if (_hit is null)
        {
            // Exact for a render that never leaves its thread (all of ours: templates complete synchronously); after
            // an await that resumed elsewhere, counting starts again on the new thread.
            long now = GC.GetAllocatedBytesForCurrentThread();
            if (Environment.CurrentManagedThreadId != _thread) (_thread, _lastAllocated) = (Environment.CurrentManagedThreadId, now);
            _allocated += now - _lastAllocated;
            _lastAllocated = now;
            if (Stopwatch.GetTimestamp() > _deadline) _hit = LayoutLimit.Time;
            else if (_allocated > _allocationBudget) _hit = LayoutLimit.Memory;
        }
        if (_hit is { } hit) throw new LayoutLimitException(hit, template, line, column);
    }

    public void Enter(string template)
    {
        if (_hit is { } hit) throw new LayoutLimitException(hit, template, 0, 0);
        // A template that starts with nothing running is the page's layout or the next layout of its chain.
        if (_running.Count == 0 && ++_topLevel > LayoutGuard.MaxDepth)
            throw new LayoutLimitException(LayoutLimit.LayoutChain, template, 0, 0, $"a chain of more than {LayoutGuard.MaxDepth} layouts ending in '{template}'");
        _running.Add(template);
        if (_running.Count > LayoutGuard.MaxDepth)
            throw new LayoutLimitException(LayoutLimit.IncludeDepth, template, 0, 0, string.Join(" → ", _running));
    }

    public void Exit()
    {
        if (_running.Count > 0) _running.RemoveAt(_running.Count - 1);
    }
}
