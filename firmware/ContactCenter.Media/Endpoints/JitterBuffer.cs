using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The adaptive jitter buffer of one received audio stream: the receive loop inserts RTP payloads as they arrive, the
/// media clock's Receive phase pops one 20 ms frame per tick. Thread-safe for one producer and one consumer (a short
/// lock, never held across I/O); no allocation after construction.
/// </summary>
/// <remarks>
/// <para>Payloads are placed by RTP timestamp, not by arrival or sequence number: the timestamp is the sampling instant
/// (RFC 3550 §5.1), so reordered packets land in place and a peer packetising at another ptime (10, 30, 40 ms) fills
/// the 20 ms slots all the same. This needs a codec whose payload bytes map linearly onto the timestamp (G.711, G.722:
/// one byte per timestamp unit). Sequence numbers are left to the loss statistics of RTCP (RFC 3550 A.1).</para>
/// <para>Delay: a whole number of frames between <see cref="MinDelayFrames"/> (20 ms) and <see cref="MaxDelayFrames"/>
/// (120 ms), measured as how far ahead of its playout the earliest packet of a window arrives (the "margin"; the
/// spread between the earliest and the latest packet is the jitter). It grows quickly: a packet arriving after its
/// time was played holds the playout point back at once by as many frames as it was late (missing frames are
/// inserted). It shrinks slowly: at the end of each <see cref="AdaptationWindowFrames"/>-frame window in which even the
/// latest packet arrived two frames or more ahead of its playout (consistently early), one frame is discarded; and
/// a delay measured above the maximum (the first packet came late, the sender's clock runs fast) is cut back to it.
/// The first packet sets the playout point at the initial delay.</para>
/// <para>A new SSRC or a timestamp more than <see cref="JumpFrames"/> frames away from the playout point restarts
/// the buffer at the current target delay (a phone's re-INVITE, a transfer, a sender restart).</para>
/// </remarks>
public sealed class JitterBuffer
{
    /// <summary>The smallest target delay: one frame (20 ms).</summary>
    public const int MinDelayFrames = 1;

    /// <summary>The largest target delay: six frames (120 ms).</summary>
    public const int MaxDelayFrames = 6;

    /// <summary>Frames the buffer holds ahead of the playout point (320 ms): room for a burst after a network stall.</summary>
    public const int CapacityFrames = 16;

    /// <summary>Frames over which earliness is measured before the delay shrinks (2 s).</summary>
    public const int AdaptationWindowFrames = 100;

    /// <summary>A timestamp this many frames (2 s) away from the playout point is a jump, not jitter.</summary>
    public const int JumpFrames = 100;

    private readonly Lock _gate = new();
    private readonly int _step;
    private readonly int _frameBytes;
    private readonly byte[] _slots;
    private readonly long[] _slotFrame;
    private readonly int[] _slotFilled;
    private bool _started;
    private uint _ssrc;
    private uint _playout;
    private long _playoutIndex;
    private long _prerollUntil;
    private long _highestEndIndex;
    private int _delay;
    private int _pendingStretch;
    private int _windowPops;
    private int _windowPackets;
    private long _windowMinMargin;
    private long _windowMaxMargin;
    private bool _windowLate;
    private long _accepted;
    private long _played;
    private long _lost;
    private long _underruns;
    private long _late;
    private long _duplicates;
    private long _overflows;
    private long _resets;
    private long _stretched;
    private long _dropped;

    /// <summary>Creates an empty buffer for one codec's frames.</summary>
    /// <param name="timestampStepPerFrame">RTP timestamp units per 20 ms frame (<c>AudioCodec.TimestampStepPerFrame</c>).</param>
    /// <param name="payloadBytesPerFrame">Payload bytes per 20 ms frame (<c>AudioCodec.PayloadBytesPerFrame</c>).</param>
    /// <param name="initialDelayFrames">The target delay to start with.</param>
    public JitterBuffer(int timestampStepPerFrame, int payloadBytesPerFrame, int initialDelayFrames = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampStepPerFrame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payloadBytesPerFrame);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelayFrames, MinDelayFrames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialDelayFrames, MaxDelayFrames);
        if (timestampStepPerFrame % payloadBytesPerFrame != 0 && payloadBytesPerFrame % timestampStepPerFrame != 0)
        {
            throw new ArgumentException("Payload bytes and timestamp units must map onto each other by a whole ratio.", nameof(payloadBytesPerFrame));
        }

        _step = timestampStepPerFrame;
        _frameBytes = payloadBytesPerFrame;
        _slots = new byte[CapacityFrames * payloadBytesPerFrame];
        _slotFrame = new long[CapacityFrames];
        _slotFilled = new int[CapacityFrames];
        Array.Fill(_slotFrame, -1);
        _delay = initialDelayFrames;
        ResetWindow();
    }

    /// <summary>Payload bytes of one popped frame.</summary>
    public int FrameBytes => _frameBytes;

    /// <summary>The current playout delay in milliseconds (20–120).</summary>
    public int DelayMilliseconds
    {
        get
        {
            lock (_gate)
            {
                return _delay * MediaFrame.DurationMilliseconds;
            }
        }
    }

    /// <summary>The counters so far.</summary>
    public JitterBufferStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new(_accepted, _played, _lost, _underruns, _late, _duplicates, _overflows, _resets, _stretched, _dropped, _delay);
            }
        }
    }

    /// <summary>Stores one packet's payload (copied; the caller's buffer may be reused at once). Receive thread.</summary>
    /// <param name="ssrc">The packet's SSRC; a change restarts the buffer.</param>
    /// <param name="timestamp">The packet's RTP timestamp.</param>
    /// <param name="payload">The audio payload (no telephone-event: the endpoint routes those to the DTMF receiver).</param>
    /// <returns>What happened to the packet.</returns>
    public JitterBufferInsert Insert(uint ssrc, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return JitterBufferInsert.Empty;
        }

        lock (_gate)
        {
            if (!_started || ssrc != _ssrc)
            {
                Restart(ssrc, timestamp);
            }

            long offset = unchecked((int)(timestamp - _playout));
            if (offset <= -JumpFrames * (long)_step || offset >= JumpFrames * (long)_step)
            {
                Restart(ssrc, timestamp);
                offset = unchecked((int)(timestamp - _playout));
            }

            if (offset < 0)
            {
                _late++;
                _windowLate = true;
                Grow((int)((-offset + _step - 1) / _step));
                return JitterBufferInsert.Late;
            }

            long length = (long)payload.Length * _step / _frameBytes;
            if (offset + length > (long)CapacityFrames * _step)
            {
                _overflows++;
                return JitterBufferInsert.Overflow;
            }

            if (IsDuplicate(offset, payload.Length))
            {
                _duplicates++;
                return JitterBufferInsert.Duplicate;
            }

            Store(offset, payload);
            _highestEndIndex = Math.Max(_highestEndIndex, _playoutIndex + ((offset + length + _step - 1) / _step));
            _windowMinMargin = Math.Min(_windowMinMargin, offset);
            _windowMaxMargin = Math.Max(_windowMaxMargin, offset);
            _windowPackets++;
            _accepted++;
            return JitterBufferInsert.Accepted;
        }
    }

    /// <summary>Takes the next frame. Media clock thread, once per tick.</summary>
    /// <param name="payload">Receives <see cref="FrameBytes"/> bytes when the result is <see cref="JitterBufferFrame.Payload"/>.</param>
    /// <returns>Whether a payload, a gap to conceal, or nothing (not started) came out.</returns>
    public JitterBufferFrame Pop(Span<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(payload.Length, _frameBytes);
        lock (_gate)
        {
            if (!_started)
            {
                return JitterBufferFrame.Idle;
            }

            if (_pendingStretch > 0)
            {
                // Growing the delay: the playout point waits one frame, and the sink gets a concealed one.
                _pendingStretch--;
                _stretched++;
                return JitterBufferFrame.Missing;
            }

            var result = Take(payload);
            Advance();
            Adapt();
            return result;
        }
    }

    private JitterBufferFrame Take(Span<byte> payload)
    {
        int slot = (int)(_playoutIndex % CapacityFrames);
        bool present = _slotFrame[slot] == _playoutIndex && _slotFilled[slot] == _frameBytes;
        _slotFrame[slot] = -1;
        if (present)
        {
            _slots.AsSpan(slot * _frameBytes, _frameBytes).CopyTo(payload);
            _played++;
            return JitterBufferFrame.Payload;
        }

        if (_playoutIndex < _prerollUntil)
        {
            return JitterBufferFrame.Idle;
        }

        if (_highestEndIndex > _playoutIndex + 1)
        {
            _lost++;
        }
        else
        {
            _underruns++;
        }

        return JitterBufferFrame.Missing;
    }

    private void Advance()
    {
        _playoutIndex++;
        _playout = unchecked(_playout + (uint)_step);
    }

    private void Adapt()
    {
        if (++_windowPops < AdaptationWindowFrames)
        {
            return;
        }

        // A window with few packets (a pause, silence suppression) says nothing about the network.
        if (_windowPackets >= AdaptationWindowFrames / 2)
        {
            int measured = (int)Math.Max(MinDelayFrames, (_windowMaxMargin + _step - 1) / _step);
            bool early = !_windowLate && _windowMinMargin >= 2L * _step;
            int drop = measured > MaxDelayFrames ? measured - MaxDelayFrames : early ? 1 : 0;
            for (int i = 0; i < drop; i++)
            {
                _slotFrame[(int)(_playoutIndex % CapacityFrames)] = -1;
                Advance();
                _dropped++;
            }

            _delay = Math.Clamp(measured - drop, MinDelayFrames, MaxDelayFrames);
        }

        ResetWindow();
    }

    private void ResetWindow()
    {
        _windowPops = 0;
        _windowPackets = 0;
        _windowLate = false;
        _windowMinMargin = long.MaxValue;
        _windowMaxMargin = long.MinValue;
    }

    private void Grow(int frames)
    {
        int stretch = Math.Min(frames, MaxDelayFrames - _delay);
        _pendingStretch += stretch;
        _delay += stretch;
    }

    private bool IsDuplicate(long offset, int length)
    {
        long frameIndex = _playoutIndex + (offset / _step);
        int slot = (int)(frameIndex % CapacityFrames);
        int firstChunk = Math.Min(length, _frameBytes - ByteInFrame(offset));
        return _slotFrame[slot] == frameIndex && _slotFilled[slot] + firstChunk > _frameBytes;
    }

    private void Store(long offset, ReadOnlySpan<byte> payload)
    {
        while (!payload.IsEmpty)
        {
            long frameIndex = _playoutIndex + (offset / _step);
            int slot = (int)(frameIndex % CapacityFrames);
            int inFrame = ByteInFrame(offset);
            int count = Math.Min(payload.Length, _frameBytes - inFrame);
            if (_slotFrame[slot] != frameIndex)
            {
                _slotFrame[slot] = frameIndex;
                _slotFilled[slot] = 0;
            }

            payload[..count].CopyTo(_slots.AsSpan((slot * _frameBytes) + inFrame, count));
            _slotFilled[slot] = Math.Min(_frameBytes, _slotFilled[slot] + count);
            payload = payload[count..];
            offset += (long)count * _step / _frameBytes;
        }
    }

    private int ByteInFrame(long offset) => (int)(offset % _step * _frameBytes / _step);

    private void Restart(uint ssrc, uint timestamp)
    {
        if (_started)
        {
            _resets++;
        }

        _started = true;
        _ssrc = ssrc;
        Array.Fill(_slotFrame, -1);
        _playout = unchecked(timestamp - (uint)(_delay * _step));
        _prerollUntil = _playoutIndex + _delay;
        _highestEndIndex = _playoutIndex;
        _pendingStretch = 0;
        ResetWindow();
    }
}
