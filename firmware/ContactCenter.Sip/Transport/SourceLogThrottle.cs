using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// Lets a log line about dropped or abusive input through at most once per source address per interval, and counts
/// what it held back, so that a flood never becomes log spam. Thread-safe; time comes from the injected <see cref="TimeProvider"/>.
/// Memory is bounded: past <c>maxSources</c> tracked addresses, new sources share one overflow slot.
/// </summary>
public sealed class SourceLogThrottle
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly int _maxSources;
    private readonly Dictionary<IPAddress, Entry> _entries = [];
    private readonly Lock _gate = new();
    private Entry _overflow = new(long.MinValue, 0);
    private long _lastPurge;

    /// <summary>Creates a throttle.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">Least time between two lines for one source (default one minute).</param>
    /// <param name="maxSources">Most source addresses tracked at once (default 4096).</param>
    public SourceLogThrottle(TimeProvider time, TimeSpan? interval = null, int maxSources = 4096)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSources);
        var span = interval ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        _time = time;
        _intervalTicks = (long)(span.TotalSeconds * time.TimestampFrequency);
        _maxSources = maxSources;
        _lastPurge = time.GetTimestamp();
    }

    /// <summary>Whether a line about <paramref name="source"/> may be logged now.</summary>
    /// <param name="source">The offending source address.</param>
    /// <param name="suppressed">When true is returned: how many lines for this source were held back since the last one.</param>
    /// <returns>True at most once per interval per source.</returns>
    public bool ShouldLog(IPAddress source, out long suppressed)
    {
        ArgumentNullException.ThrowIfNull(source);
        long now = _time.GetTimestamp();
        lock (_gate)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, source);
            if (!Unsafe.IsNullRef(ref entry))
            {
                return Decide(ref entry, now, out suppressed);
            }

            if (_entries.Count >= _maxSources)
            {
                Purge(now);
            }

            if (_entries.Count >= _maxSources)
            {
                return Decide(ref _overflow, now, out suppressed);
            }

            _entries[source] = new Entry(now, 0);
            suppressed = 0;
            return true;
        }
    }

    private bool Decide(ref Entry entry, long now, out long suppressed)
    {
        if (entry.LastLogged != long.MinValue && now - entry.LastLogged < _intervalTicks)
        {
            entry = entry with { Suppressed = entry.Suppressed + 1 };
            suppressed = 0;
            return false;
        }

        suppressed = entry.Suppressed;
        entry = new Entry(now, 0);
        return true;
    }

    private void Purge(long now)
    {
        // At most one O(n) scan per interval, however hard the table is hammered.
        if (now - _lastPurge < _intervalTicks && _intervalTicks > 0)
        {
            return;
        }

        _lastPurge = now;
        List<IPAddress>? stale = null;
        foreach (var (address, entry) in _entries)
        {
            if (now - entry.LastLogged >= _intervalTicks)
            {
                (stale ??= []).Add(address);
            }
        }

        if (stale is not null)
        {
            foreach (var address in stale)
            {
                _entries.Remove(address);
            }
        }
    }

    private readonly record struct Entry(long LastLogged, long Suppressed);
}
