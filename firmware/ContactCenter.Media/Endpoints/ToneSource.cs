using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Plays a <see cref="ToneDefinition"/> endlessly: the cadence runs on from frame to frame (on/off edges fall anywhere
/// inside a frame, to the sample), and each oscillator keeps its phase across frames and across off periods, so the
/// tone has no clicks at frame edges. Works at 8 and 16 kHz, even switching between them.
/// </summary>
public sealed class ToneSource : IAudioSource
{
    /// <summary>Time is counted in 1/16000 s: one sample at 16 kHz, two at 8 kHz.</summary>
    private const int UnitsPerSecond = MediaFrame.WidebandRate;

    private readonly double[] _frequencies;
    private readonly ToneOscillator[] _oscillators;
    private readonly long[] _edges;
    private readonly long _period;
    private readonly double _amplitude;
    private long _position;

    /// <summary>Creates a source playing <paramref name="tone"/> from the start of its cadence.</summary>
    /// <param name="tone">The tone.</param>
    public ToneSource(ToneDefinition tone)
    {
        ArgumentNullException.ThrowIfNull(tone);
        _frequencies = [.. tone.Frequencies];
        _oscillators = new ToneOscillator[_frequencies.Length];
        _amplitude = SignalLevel.SineAmplitude(tone.LevelDbm0);
        _edges = new long[tone.CadenceMilliseconds.Count];
        long elapsed = 0;
        for (int i = 0; i < _edges.Length; i++)
        {
            elapsed += (long)tone.CadenceMilliseconds[i] * UnitsPerSecond / 1000;
            _edges[i] = elapsed;
        }

        _period = elapsed;
    }

    /// <inheritdoc/>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (!MediaFrame.IsSupportedRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The engine works at 8000 or 16000 Hz.");
        }

        int unitsPerSample = UnitsPerSecond / sampleRate;
        for (int i = 0; i < frame.Length; i++)
        {
            bool on = IsOn();
            double mixed = 0;
            for (int t = 0; t < _oscillators.Length; t++)
            {
                mixed += _oscillators[t].Next(_frequencies[t], sampleRate);
            }

            frame[i] = on ? ToneOscillator.ToPcm(mixed * _amplitude) : (short)0;
            if (_period > 0)
            {
                _position = (_position + unitsPerSample) % _period;
            }
        }

        return true;
    }

    /// <summary>Whether the cadence is in an "on" period now: even-indexed periods are on.</summary>
    private bool IsOn()
    {
        for (int i = 0; i < _edges.Length; i++)
        {
            if (_position < _edges[i])
            {
                return i % 2 == 0;
            }
        }

        return true;
    }
}
