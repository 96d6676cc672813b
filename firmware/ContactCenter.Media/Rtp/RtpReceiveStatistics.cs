namespace ContactCenter.Media.Rtp;

/// <summary>
/// Reception statistics of one received RTP stream, as RFC 3550 Appendix A defines them: sequence number validation
/// with probation, wrap-around and restart detection (A.1), expected and lost counts and the fraction lost between two
/// reports (A.3), and the interarrival jitter (A.8). Updates never allocate. Not thread-safe: the receive loop owns it,
/// and a reader on another thread takes <see cref="GetSnapshot"/> under the owner's lock.
/// </summary>
/// <remarks>
/// A new SSRC takes over once it has sent <see cref="MinSequential"/> packets in sequence with none of the current
/// source in between (A.1's probation, which also keeps a single stray packet from resetting the counts); the counts of
/// the source it replaces are kept in the totals of <see cref="GetSnapshot"/>, while the report-block values
/// (<see cref="SourceCumulativeLost"/>, <see cref="TakeFractionLost"/>, …) describe the current source only, as an RTCP
/// receiver report block does (RFC 3550 §6.4.1). Only one candidate source is followed at a time, which fits a
/// two-party stream with one sender: packets of a second SSRC interleaved with the current one (a device that sends
/// RFC 4733 events under their own SSRC) stay in probation and are not counted.
/// </remarks>
public sealed class RtpReceiveStatistics
{
    /// <summary>The largest forward jump of the sequence number still taken as loss (A.1's MAX_DROPOUT).</summary>
    public const int MaxDropout = 3000;

    /// <summary>The largest backward step still taken as a late packet (A.1's MAX_MISORDER).</summary>
    public const int MaxMisorder = 100;

    /// <summary>Packets in sequence a new source must send before it is counted (A.1's MIN_SEQUENTIAL).</summary>
    public const int MinSequential = 2;

    private const long SequenceModulus = 1 << 16;
    private const uint NoBadSequence = (uint)SequenceModulus + 1;

    private readonly double _timestampFrequency;

    private bool _hasSource;
    private uint _ssrc;
    private ushort _maxSequence;
    private long _cycles;
    private long _baseSequence;
    private uint _badSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;

    private uint _candidateSsrc;
    private ushort _candidateSequence;
    private int _candidateCount;

    private int _sources;
    private long _retiredExpected;
    private long _retiredReceived;
    private long _payloadBytes;

    private bool _hasTransit;
    private long _lastArrival;
    private uint _lastTimestamp;
    private int _jitterClockRate;
    private double _jitterSeconds;
    private double _jitterSumSeconds;
    private long _jitterSamples;
    private double _maxJitterSeconds;

    /// <summary>Creates empty statistics.</summary>
    /// <param name="timestampFrequency">Ticks per second of the arrival timestamps (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public RtpReceiveStatistics(long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _timestampFrequency = timestampFrequency;
    }

    /// <summary>Whether a source has been validated.</summary>
    public bool HasSource => _hasSource;

    /// <summary>The current source's SSRC (SSRC_n of a report block); 0 before <see cref="HasSource"/>.</summary>
    public uint Ssrc => _ssrc;

    /// <summary>The current source's extended highest sequence number received: wrap count × 65536 + highest (A.1).</summary>
    public uint ExtendedHighestSequence => unchecked((uint)(_cycles + _maxSequence));

    /// <summary>The current source's packets expected minus packets received since it was validated (A.3).</summary>
    public long SourceCumulativeLost => _hasSource ? SourceExpected - _received : 0;

    /// <summary>The interarrival jitter in timestamp units of the last measured clock rate, as a report block carries it (§6.4.1).</summary>
    public uint JitterTimestampUnits => (uint)Math.Round(_jitterSeconds * _jitterClockRate);

    private long SourceExpected => _cycles + _maxSequence - _baseSequence + 1;

    /// <summary>
    /// Counts one received packet. The sequence number and SSRC always count toward loss; the timestamp updates the
    /// jitter only when <paramref name="clockRate"/> is known, so that a payload of unknown rate (or an RFC 4733 event,
    /// whose timestamp stays at the event's start) does not distort it.
    /// </summary>
    /// <param name="packet">The packet's header (its payload length is counted).</param>
    /// <param name="arrivalTimestamp">When it arrived, in ticks of the frequency given at construction.</param>
    /// <param name="clockRate">The RTP clock rate of its payload type; 0 when unknown (no jitter sample).</param>
    /// <returns>Whether it was counted.</returns>
    public RtpReceiveOutcome Update(in RtpPacket packet, long arrivalTimestamp, int clockRate)
    {
        uint ssrc = packet.Ssrc;
        ushort sequence = packet.SequenceNumber;
        if (!_hasSource || ssrc != _ssrc)
        {
            if (!PassesProbation(ssrc, sequence))
            {
                return RtpReceiveOutcome.Probation;
            }

            StartSource(ssrc, sequence);
        }
        else
        {
            _candidateCount = 0;
            if (!UpdateSequence(sequence))
            {
                return RtpReceiveOutcome.Discarded;
            }
        }

        _received++;
        _payloadBytes += packet.Payload.Length;
        MeasureJitter(packet.Timestamp, arrivalTimestamp, clockRate);
        return RtpReceiveOutcome.Accepted;
    }

    /// <summary>
    /// The fraction of the current source's packets lost since the previous call, in 1/256 units, as a report block
    /// carries it (A.3); 0 when none were lost or duplicates outnumber them. Starts the next interval.
    /// </summary>
    /// <returns>The fraction lost, 0–255.</returns>
    public byte TakeFractionLost()
    {
        if (!_hasSource)
        {
            return 0;
        }

        long expected = SourceExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval <= 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);
    }

    /// <summary>Copies the counts, summed over every source so far.</summary>
    /// <returns>The snapshot.</returns>
    public RtpReceiveSnapshot GetSnapshot()
    {
        long expected = _retiredExpected + (_hasSource ? SourceExpected : 0);
        long received = _retiredReceived + _received;
        return new RtpReceiveSnapshot(
            _hasSource ? _ssrc : null,
            _sources,
            received,
            _payloadBytes,
            expected,
            expected - received,
            ExtendedHighestSequence,
            _jitterSeconds * 1000,
            _jitterSamples == 0 ? 0 : _jitterSumSeconds * 1000 / _jitterSamples,
            _maxJitterSeconds * 1000);
    }

    private bool PassesProbation(uint ssrc, ushort sequence)
    {
        if (_candidateCount > 0 && ssrc == _candidateSsrc && sequence == unchecked((ushort)(_candidateSequence + 1)))
        {
            _candidateCount++;
        }
        else
        {
            _candidateSsrc = ssrc;
            _candidateCount = 1;
        }

        _candidateSequence = sequence;
        return _candidateCount >= MinSequential;
    }

    // A.1 update_seq for a validated source; false for a packet that is not counted.
    private bool UpdateSequence(ushort sequence)
    {
        ushort delta = unchecked((ushort)(sequence - _maxSequence));
        if (delta < MaxDropout)
        {
            // In order, with a permissible gap.
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulus - MaxMisorder)
        {
            // A very large jump: two packets in sequence after it mean the sender restarted.
            if (sequence != _badSequence)
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulus - 1));
                return false;
            }

            StartSource(_ssrc, sequence);
        }

        // Otherwise a duplicate or a late packet: counted, but the highest sequence stays.
        return true;
    }

    // A.1 init_seq; the outgoing source's counts go to the totals, and the jitter starts over as for any new source.
    private void StartSource(uint ssrc, ushort sequence)
    {
        if (_hasSource)
        {
            _retiredExpected += SourceExpected;
            _retiredReceived += _received;
        }

        _hasSource = true;
        _sources++;
        _ssrc = ssrc;
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = NoBadSequence;
        _cycles = 0;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _candidateCount = 0;
        _hasTransit = false;
        _jitterSeconds = 0;
    }

    // A.8: J += (|D(i-1,i)| - J) / 16, D the difference of relative transit times. Kept in seconds so that a change
    // of clock rate needs no rescaling; arrivals are converted from timestamp ticks rather than to RTP units.
    private void MeasureJitter(uint timestamp, long arrival, int clockRate)
    {
        if (clockRate <= 0)
        {
            return;
        }

        if (_hasTransit && clockRate == _jitterClockRate)
        {
            double arrivalDelta = (arrival - _lastArrival) / _timestampFrequency;
            double timestampDelta = unchecked((int)(timestamp - _lastTimestamp)) / (double)clockRate;
            double d = Math.Abs(arrivalDelta - timestampDelta);
            _jitterSeconds += (d - _jitterSeconds) / 16;
            _jitterSumSeconds += _jitterSeconds;
            _jitterSamples++;
            _maxJitterSeconds = Math.Max(_maxJitterSeconds, _jitterSeconds);
        }

        _hasTransit = true;
        _jitterClockRate = clockRate;
        _lastArrival = arrival;
        _lastTimestamp = timestamp;
    }
}
