using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Plays queued DTMF key presses as in-band tones (ITU-T Q.23), for calls that negotiated no telephone-event: each key
/// is its row and column frequencies for the requested time, then silence for the requested pause. Reads return false
/// once the queue has been played out, so the endpoint knows to go back to its other audio.
/// </summary>
/// <remarks>
/// Levels: −10 dBm0 for the low tone and −8 dBm0 for the high tone. Telephones send the high group about 2 dB louder
/// (a small normal twist) to make up for the line's greater loss at high frequencies; both levels sit well inside the
/// range Q.24 receivers accept. Not thread-safe: queue and read on the media clock's thread; no allocation per frame.
/// </remarks>
public sealed class DtmfToneSource : IAudioSource
{
    /// <summary>The low-group (row) tone level in dBm0.</summary>
    public const double LowToneDbm0 = -10;

    /// <summary>The high-group (column) tone level in dBm0.</summary>
    public const double HighToneDbm0 = -8;

    /// <summary>The default key-down time: long enough for every Q.24 receiver (which must accept 40 ms).</summary>
    public const int DefaultDurationMilliseconds = 100;

    /// <summary>The default silence after a key (Q.24 receivers must accept a 40 ms pause).</summary>
    public const int DefaultPauseMilliseconds = 80;

    private const int UnitsPerSecond = MediaFrame.WidebandRate;
    private static readonly double LowAmplitude = SignalLevel.SineAmplitude(LowToneDbm0);
    private static readonly double HighAmplitude = SignalLevel.SineAmplitude(HighToneDbm0);

    private readonly Queue<(double Low, double High, long On, long Total)> _queue = new();
    private ToneOscillator _low;
    private ToneOscillator _high;
    private (double Low, double High, long On, long Total) _key;
    private bool _playing;
    private long _position;

    /// <summary>Whether a key is sounding or queued.</summary>
    public bool IsActive => _playing || _queue.Count > 0;

    /// <summary>Queues a key press.</summary>
    /// <param name="digit">One of <c>0–9 * # A–D</c> (lower-case letters accepted).</param>
    /// <param name="durationMs">How long the tones sound.</param>
    /// <param name="pauseMs">The silence after them.</param>
    public void Enqueue(char digit, int durationMs = DefaultDurationMilliseconds, int pauseMs = DefaultPauseMilliseconds)
    {
        if (!DtmfFrequencies.TryGet(digit, out double low, out double high))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMs);
        ArgumentOutOfRangeException.ThrowIfNegative(pauseMs);
        long on = (long)durationMs * UnitsPerSecond / 1000;
        _queue.Enqueue((low, high, on, on + ((long)pauseMs * UnitsPerSecond / 1000)));
    }

    /// <inheritdoc/>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (!MediaFrame.IsSupportedRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The engine works at 8000 or 16000 Hz.");
        }

        bool hadAudio = IsActive;
        int unitsPerSample = UnitsPerSecond / sampleRate;
        for (int i = 0; i < frame.Length; i++)
        {
            if (!_playing && !TryStartNext())
            {
                frame[i..].Clear();
                break;
            }

            double value = 0;
            if (_position < _key.On)
            {
                value = (LowAmplitude * _low.Next(_key.Low, sampleRate)) + (HighAmplitude * _high.Next(_key.High, sampleRate));
            }

            frame[i] = ToneOscillator.ToPcm(value);
            _position += unitsPerSample;
            _playing = _position < _key.Total;
        }

        return hadAudio;
    }

    private bool TryStartNext()
    {
        if (!_queue.TryDequeue(out _key))
        {
            return false;
        }

        _low.Restart();
        _high.Restart();
        _position = 0;
        _playing = true;
        return true;
    }
}
