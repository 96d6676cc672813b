using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 telephone-event payloads of queued key presses, one packet per 20 ms media tick.
/// </summary>
/// <remarks>
/// <para>
/// Per key press (RFC 4733 §2.5.1.1): a packet every tick while the key is down, all stamped with the timestamp of the
/// event's start, the marker bit on the first, the duration growing by one tick each time; the packet that reaches the
/// full duration carries the E bit and is sent three times in all (§2.5.1.4), identical, on three ticks. Then a pause
/// (no packets, the endpoint sends its audio) before the next queued key, so a gateway that regenerates tones gives the
/// far end the interdigit gap ITU-T Q.24 detectors need.
/// </para>
/// <para>
/// The endpoint owns the RTP timestamp: when <see cref="TryWriteNext"/> reports the marker bit it takes the current
/// stream timestamp as the event's, and stamps every packet with it until the next marker. Presses longer than one
/// segment (0xFFFF timestamp units, 8.19 s at 8 kHz) are refused rather than segmented (§2.5.1.3): no feature needs them.
/// </para>
/// <para>Not thread-safe: queue and read on the media clock's thread. No allocation per tick.</para>
/// </remarks>
public sealed class TelephoneEventSender
{
    /// <summary>The volume field sent: −10 dBm0, a usual DTMF tone level (RFC 4733 §2.3.4 only asks for a plausible value).</summary>
    public const byte Volume = 10;

    /// <summary>The default gap between one key's release and the next key's start.</summary>
    public const int DefaultGapMilliseconds = 80;

    private const int EndRepeats = 3;
    private readonly Queue<(byte Code, int Ticks, int Step)> _queue = new();
    private readonly int _gapTicks;
    private byte _code;
    private int _step;
    private int _ticks;
    private int _sent;
    private int _pause;
    private bool _active;

    /// <summary>Creates a sender.</summary>
    /// <param name="gapMilliseconds">
    /// The time from one key's release (its end packet) to the next key's first packet; the end retransmissions count
    /// toward it. Q.24 detectors want at least 40 ms.
    /// </param>
    public TelephoneEventSender(int gapMilliseconds = DefaultGapMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gapMilliseconds);
        _gapTicks = (gapMilliseconds + MediaFrame.DurationMilliseconds - 1) / MediaFrame.DurationMilliseconds;
    }

    /// <summary>Whether a key press is being sent (from its marker packet to its last end retransmission).</summary>
    public bool IsActive => _active;

    /// <summary>Whether anything remains: a press being sent, a gap running, or keys queued.</summary>
    public bool HasPending => _active || _pause > 0 || _queue.Count > 0;

    /// <summary>Queues a key press; it starts on the next tick if nothing is being sent.</summary>
    /// <param name="digit">One of <c>0–9 * # A–D</c> (lower-case letters accepted).</param>
    /// <param name="durationMs">How long the key is held; rounded up to whole 20 ms ticks, at least one.</param>
    /// <param name="clockRate">The telephone-event RTP clock rate (8000 in practice).</param>
    public void Start(char digit, int durationMs, int clockRate)
    {
        int code = DtmfDigit.Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (code < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMs);
        if (clockRate % MediaFrame.PerSecond != 0 || clockRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clockRate), clockRate, "The clock rate must be a positive multiple of 50 Hz.");
        }

        int step = clockRate / MediaFrame.PerSecond;
        int ticks = Math.Max(1, (durationMs + MediaFrame.DurationMilliseconds - 1) / MediaFrame.DurationMilliseconds);
        if ((long)ticks * step > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, "A key press must fit one RFC 4733 segment (0xFFFF timestamp units).");
        }

        _queue.Enqueue(((byte)code, ticks, step));
    }

    /// <summary>Writes this tick's packet, if any.</summary>
    /// <param name="payload">At least <see cref="TelephoneEvent.Size"/> bytes.</param>
    /// <param name="length">The payload length written.</param>
    /// <param name="marker">The RTP marker bit: set on the first packet of a press, when a new event timestamp starts.</param>
    /// <returns>False when no packet is due this tick (idle, or in the gap between keys).</returns>
    public bool TryWriteNext(Span<byte> payload, out int length, out bool marker)
    {
        length = 0;
        marker = false;
        if (!_active)
        {
            if (_pause > 0)
            {
                _pause--;
                return false;
            }

            if (!_queue.TryDequeue(out var next))
            {
                return false;
            }

            (_code, _ticks, _step) = next;
            _sent = 0;
            _active = true;
            marker = true;
        }

        _sent++;
        int elapsedTicks = Math.Min(_sent, _ticks);
        bool end = _sent >= _ticks;
        length = new TelephoneEvent(_code, end, Volume, (ushort)(elapsedTicks * _step)).Write(payload);
        if (_sent == _ticks + EndRepeats - 1)
        {
            _active = false;
            _pause = Math.Max(0, _gapTicks - (EndRepeats - 1));
        }

        return true;
    }
}
