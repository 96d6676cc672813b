namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Turns the received RFC 4733 telephone-event packets of one RTP stream into key presses, each reported exactly once.
/// </summary>
/// <remarks>
/// <para>
/// A digit is reported at the first packet seen of its event, not at its end. An IVR then reacts (stops a prompt,
/// takes the choice) while the key is still down, as a caller expects from a PSTN line; and nothing waits for an end
/// packet that may never come, so the receiver needs no timer. The price is the duration: the reported
/// <see cref="DtmfDigit.DurationMilliseconds"/> is what the first packet seen carried — 0 or one packet interval when
/// the start arrived, more when the start packets were lost (the whole press if only an end packet got through). No
/// feature of the PBX depends on how long a key was held.
/// </para>
/// <para>
/// An event is identified by its RTP timestamp (RFC 4733 §2.5.1.1: every packet of an event carries the timestamp of
/// its start). Hence: updates and the three retransmitted end packets (§2.5.1.4) share the timestamp and are
/// ignored; a lost start is harmless because any packet with a new timestamp starts the event; two presses of the
/// same key differ by timestamp; packets older than the current event (reordered) are dropped. A long press whose
/// duration overflows 16 bits continues in a new segment with a new timestamp (§2.5.1.3): a packet with the same code,
/// no marker bit, following an event whose end was not seen, and timestamped within 0xFFFF units after it but not
/// before the duration already reported, continues that event instead of repeating it. The volume is ignored. Events
/// that are not DTMF keys (flash, tones) are tracked so their repeats are absorbed, but not reported.
/// </para>
/// <para>Not thread-safe: one instance per receiving stream, fed on one thread. No allocation.</para>
/// </remarks>
public sealed class TelephoneEventReceiver
{
    private readonly int _clockRate;
    private bool _hasEvent;
    private uint _timestamp;
    private byte _code;
    private bool _ended;
    private int _duration;

    /// <summary>Creates a receiver for a telephone-event payload type with the given RTP clock rate.</summary>
    /// <param name="clockRate">The rtpmap clock rate of telephone-event (8000 in practice; RFC 4733 §7.1.1).</param>
    public TelephoneEventReceiver(int clockRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
    }

    /// <summary>Feeds one received telephone-event packet.</summary>
    /// <param name="payload">The RTP payload.</param>
    /// <param name="timestamp">The packet's RTP timestamp.</param>
    /// <param name="marker">The packet's RTP marker bit (set on the first packet of an event).</param>
    /// <param name="digit">The key press, when this packet starts a new DTMF event.</param>
    /// <returns>True when <paramref name="digit"/> is a new key press; false for repeats, continuations and junk.</returns>
    public bool TryReceive(ReadOnlySpan<byte> payload, uint timestamp, bool marker, out DtmfDigit digit)
    {
        digit = default;
        if (!TelephoneEvent.TryRead(payload, out var received))
        {
            return false;
        }

        if (_hasEvent)
        {
            // RFC 3550 timestamps wrap: compare them as serial numbers.
            int sinceCurrent = (int)(timestamp - _timestamp);
            if (sinceCurrent == 0)
            {
                Update(received);
                return false;
            }

            if (sinceCurrent < 0)
            {
                return false;
            }

            if (ContinuesCurrent(received, sinceCurrent, marker))
            {
                _timestamp = timestamp;
                _duration = 0;
                Update(received);
                return false;
            }
        }

        _hasEvent = true;
        _timestamp = timestamp;
        _code = received.Code;
        _ended = received.End;
        _duration = received.Duration;
        if (!received.IsDtmf)
        {
            return false;
        }

        digit = new DtmfDigit(DtmfDigit.Keys[received.Code], (int)((long)received.Duration * 1000 / _clockRate), DtmfSource.TelephoneEvent);
        return true;
    }

    /// <summary>Forgets the current event (the stream changed SSRC or was restarted).</summary>
    public void Reset() => _hasEvent = false;

    private void Update(TelephoneEvent received)
    {
        if (received.Code != _code)
        {
            return;
        }

        _ended |= received.End;
        _duration = Math.Max(_duration, received.Duration);
    }

    private bool ContinuesCurrent(TelephoneEvent received, int sinceCurrent, bool marker) =>
        !marker && !_ended && received.Code == _code && sinceCurrent <= ushort.MaxValue && sinceCurrent >= _duration;
}
