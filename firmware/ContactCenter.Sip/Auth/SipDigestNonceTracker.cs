namespace ContactCenter.Sip.Auth;

/// <summary>What the replay table says about one use of a nonce.</summary>
internal enum SipDigestNonceUse
{
    Accepted,
    Replayed,
    Forgotten,
}

/// <summary>
/// Replay protection for nonce counts (RFC 7616 §3.4, §5.6): per authenticated nonce, the highest <c>nc</c> seen and a
/// bitmap of the <c>window</c> (at most 63) counts below it. A count is accepted once; with window 0 it must exceed the highest.
/// Memory is bounded: entries of expired nonces are swept once per lifetime and whenever the table is full; when it is
/// still full, the oldest quarter (by issue time) is dropped and every nonce issued up to that point is
/// <see cref="SipDigestNonceUse.Forgotten"/> from then on (its counts are unknown, so it must not be trusted again;
/// the caller answers stale=true and the phone fetches a fresh nonce). Thread-safe.
/// </summary>
internal sealed class SipDigestNonceTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SipDigestNonceId, Entry> _entries = [];
    private readonly int _capacity;
    private readonly int _window;
    private readonly long _lifetimeMs;
    private long _forgottenUpToMs = long.MinValue;
    private long _nextSweepMs = long.MinValue;

    public SipDigestNonceTracker(int capacity, int window, long lifetimeMs)
    {
        _capacity = capacity;
        _window = window;
        _lifetimeMs = lifetimeMs;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public SipDigestNonceUse Use(SipDigestNonceId id, uint nonceCount, long nowMs)
    {
        lock (_gate)
        {
            if (nowMs >= _nextSweepMs)
            {
                Sweep(nowMs);
            }
            if (_entries.TryGetValue(id, out var entry))
            {
                if (!entry.TryAccept(nonceCount, _window))
                {
                    return SipDigestNonceUse.Replayed;
                }
                _entries[id] = entry;
                return SipDigestNonceUse.Accepted;
            }
            if (id.IssuedMs <= _forgottenUpToMs)
            {
                return SipDigestNonceUse.Forgotten;
            }
            if (_entries.Count >= _capacity)
            {
                Sweep(nowMs);
                if (_entries.Count >= _capacity)
                {
                    DropOldest();
                    if (id.IssuedMs <= _forgottenUpToMs)
                    {
                        return SipDigestNonceUse.Forgotten;
                    }
                }
            }
            _entries[id] = new Entry { Highest = nonceCount, Seen = 1 };
            return SipDigestNonceUse.Accepted;
        }
    }

    private void Sweep(long nowMs)
    {
        _nextSweepMs = nowMs + _lifetimeMs;
        foreach (var (id, _) in _entries)
        {
            if (id.IssuedMs + _lifetimeMs < nowMs)
            {
                _entries.Remove(id);
            }
        }
    }

    private void DropOldest()
    {
        var issued = new long[_entries.Count];
        var i = 0;
        foreach (var (id, _) in _entries)
        {
            issued[i++] = id.IssuedMs;
        }
        Array.Sort(issued);
        var cutoff = issued[Math.Max(0, (issued.Length / 4) - 1)];
        _forgottenUpToMs = Math.Max(_forgottenUpToMs, cutoff);
        foreach (var (id, _) in _entries)
        {
            if (id.IssuedMs <= cutoff)
            {
                _entries.Remove(id);
            }
        }
    }

    private struct Entry
    {
        public uint Highest;
        public ulong Seen; // bit k: Highest - k was accepted

        public bool TryAccept(uint count, int window)
        {
            if (count > Highest)
            {
                var shift = count - Highest;
                Seen = shift >= 64 ? 1 : (Seen << (int)shift) | 1;
                Highest = count;
                return true;
            }
            var back = Highest - count;
            if (back == 0 || back > (uint)window)
            {
                return false;
            }
            var bit = 1UL << (int)back;
            if ((Seen & bit) != 0)
            {
                return false;
            }
            Seen |= bit;
            return true;
        }
    }
}
