using System.Numerics;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Finds DTMF key presses in 8 kHz linear PCM (decoded G.711), for calls that negotiated no telephone-event. Each press
/// is reported once, as soon as it has lasted long enough to be a key (about 40 ms), with a duration of 0.
/// </summary>
/// <remarks>
/// <para>
/// Analysis: a Goertzel bank at the eight Q.23 frequencies and their second harmonics runs over 10 ms blocks; each
/// decision looks at a 20 ms window (the last two blocks) every 10 ms. The acceptance rules follow ITU-T Q.24:
/// </para>
/// <list type="bullet">
/// <item>Frequency: the strongest row and column of the window (50 Hz resolution, so neighbours such as 697 and 770 Hz
/// are told apart: the others must be <see cref="RelativePeakDb"/> weaker); then each tone's true frequency, from the
/// phase it advanced between the two blocks, must be within ±<see cref="FrequencyTolerance"/> of nominal: Q.24 asks
/// to accept ±1.5 % and reject ±3.5 %.</item>
/// <item>Level, twist, purity: measured on the 10 ms blocks (100 Hz resolution, so a tone 2.5 % off nominal loses less
/// than 1.3 dB): each tone at least <see cref="MinimumToneDbm0"/>; the high tone at most <see cref="NormalTwistDb"/>
/// above the low one and at most <see cref="ReverseTwistDb"/> below it (the Telcordia/Q.24 figures); the two tones at
/// least <see cref="MinimumToneToTotal"/> of the window's total energy, which speech and music, spread over many
/// frequencies, rarely reach.</item>
/// <item>Talk-off: no tone may have a second harmonic within <see cref="SecondHarmonicDb"/> of itself (voiced speech
/// is harmonic; a DTMF generator is not), checked where the harmonic lies clear of the other tone.</item>
/// <item>Duration: a press must hold a steady level for three 10 ms blocks (each block's energy within 1.5 dB of the
/// press's strongest), so 40 ms is always accepted and 20 ms never, whatever the alignment with the frames; and it
/// ends after three windows without it, so a 10 ms break does not split a press (Q.24 asks to bridge it) while a
/// 40 ms pause always separates two presses of the same key.</item>
/// </list>
/// <para>Not thread-safe: one instance per stream, fed on the media clock's thread. No allocation after construction.</para>
/// </remarks>
public sealed class DtmfToneDetector
{
    /// <summary>The lowest level per tone accepted, in dBm0 (tones at −30 dBm0 work, −42 dBm0 are ignored).</summary>
    public const double MinimumToneDbm0 = -36;

    /// <summary>How far the high tone may exceed the low one (normal twist), in dB.</summary>
    public const double NormalTwistDb = 8;

    /// <summary>How far the low tone may exceed the high one (reverse twist), in dB.</summary>
    public const double ReverseTwistDb = 4;

    /// <summary>How much stronger the chosen tone of a group must be than the other three, in dB.</summary>
    public const double RelativePeakDb = 8;

    /// <summary>The largest relative frequency error accepted (between Q.24's ±1.5 % accept and ±3.5 % reject).</summary>
    public const double FrequencyTolerance = 0.025;

    /// <summary>The smallest share of the window's energy the two tones must carry.</summary>
    public const double MinimumToneToTotal = 0.6;

    /// <summary>The strongest second harmonic tolerated, relative to its fundamental, in dB.</summary>
    public const double SecondHarmonicDb = -15;

    private const int SampleRate = MediaFrame.NarrowbandRate;
    private const int BlockSamples = SampleRate / 100;
    private const int BinCount = 8;
    private const int SteadyBlocks = 3;
    private const int ReleaseWindows = 3;
    private const int BurstMemory = 8;
    private const double SteadyRatio = 0.7;

    /// <summary>A second harmonic closer than this to the other tone cannot be measured apart from it in 20 ms.</summary>
    private const double HarmonicClearanceHz = 300;

    private static readonly GoertzelBin[] Fundamentals = CreateBins(1);
    private static readonly GoertzelBin[] Harmonics = CreateBins(2);
    private static readonly double MinimumTonePower = Codecs.SignalLevel.SinePower(MinimumToneDbm0);
    private static readonly double NormalTwist = FromDb(NormalTwistDb);
    private static readonly double ReverseTwist = FromDb(ReverseTwistDb);
    private static readonly double RelativePeak = FromDb(RelativePeakDb);
    private static readonly double SecondHarmonic = FromDb(SecondHarmonicDb);

    private readonly float[] _block = new float[BlockSamples];
    private readonly double[] _burst = new double[BurstMemory];
    private Complex[] _previous = new Complex[2 * BinCount];
    private Complex[] _current = new Complex[2 * BinCount];
    private double _previousEnergy;
    private double _currentEnergy;
    private int _fill;
    private bool _primed;
    private char _candidate;
    private int _burstLength;
    private char _held;
    private int _misses;

    /// <summary>Feeds the next samples of the stream.</summary>
    /// <param name="frame">At most one 20 ms frame of 8 kHz PCM (160 samples); any length up to that.</param>
    /// <param name="digit">The key press found, with <see cref="DtmfSource.InBand"/>.</param>
    /// <returns>True when a new key press was recognised in these samples (at most one per frame).</returns>
    public bool TryDetect(ReadOnlySpan<short> frame, out DtmfDigit digit)
    {
        if (frame.Length > MediaFrame.Samples(SampleRate))
        {
            throw new ArgumentException("Feed at most one 20 ms frame of 8 kHz audio at a time.", nameof(frame));
        }

        digit = default;
        bool found = false;
        foreach (short sample in frame)
        {
            _block[_fill++] = sample;
            if (_fill == BlockSamples)
            {
                _fill = 0;
                if (ProcessBlock(out char key))
                {
                    digit = new DtmfDigit(key, 0, DtmfSource.InBand);
                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>Forgets the signal so far (the stream restarted).</summary>
    public void Reset()
    {
        _fill = 0;
        _primed = false;
        _candidate = _held = '\0';
        _burstLength = _misses = 0;
    }

    private static GoertzelBin[] CreateBins(int harmonic)
    {
        var bins = new GoertzelBin[BinCount];
        for (int i = 0; i < 4; i++)
        {
            bins[i] = new GoertzelBin(harmonic * DtmfFrequencies.Low[i], SampleRate, BlockSamples);
            bins[i + 4] = new GoertzelBin(harmonic * DtmfFrequencies.High[i], SampleRate, BlockSamples);
        }

        return bins;
    }

    private static double FromDb(double db) => Math.Pow(10, db / 10);

    private bool ProcessBlock(out char key)
    {
        (_previous, _current) = (_current, _previous);
        _previousEnergy = _currentEnergy;
        double energy = 0;
        foreach (float x in _block)
        {
            energy += (double)x * x;
        }

        _currentEnergy = energy;
        for (int i = 0; i < BinCount; i++)
        {
            _current[i] = Fundamentals[i].Analyze(_block);
            _current[i + BinCount] = Harmonics[i].Analyze(_block);
        }

        key = '\0';
        if (!_primed)
        {
            _primed = true;
            return false;
        }

        return Track(Classify(), out key);
    }

    /// <summary>The key whose tones this 20 ms window holds by every Q.24 rule, or '\0'.</summary>
    private char Classify()
    {
        double total = (_previousEnergy + _currentEnergy) / (2 * BlockSamples);
        if (total < 2 * MinimumTonePower)
        {
            return '\0';
        }

        int row = StrongestOfGroup(0);
        int column = StrongestOfGroup(4);
        if (row < 0 || column < 0)
        {
            return '\0';
        }

        double low = BlockPower(row);
        double high = BlockPower(column);
        bool accepted = low >= MinimumTonePower && high >= MinimumTonePower
            && high <= low * NormalTwist && low <= high * ReverseTwist
            && low + high >= MinimumToneToTotal * total
            && Math.Abs(FrequencyError(row)) <= FrequencyTolerance && Math.Abs(FrequencyError(column)) <= FrequencyTolerance
            && HarmonicFree(row, column) && HarmonicFree(column, row);
        return accepted ? DtmfFrequencies.KeyAt(row, column - 4) : '\0';
    }

    /// <summary>The index of the strongest bin of a group in the 20 ms window, if it dominates the other three.</summary>
    private int StrongestOfGroup(int first)
    {
        int best = first;
        for (int i = first + 1; i < first + 4; i++)
        {
            if (WindowPower(i) > WindowPower(best))
            {
                best = i;
            }
        }

        double peak = WindowPower(best);
        for (int i = first; i < first + 4; i++)
        {
            if (i != best && WindowPower(i) * RelativePeak > peak)
            {
                return -1;
            }
        }

        return best;
    }

    /// <summary>Mean-square power of a tone at bin <paramref name="index"/> over the 20 ms window.</summary>
    private double WindowPower(int index)
    {
        var bins = index < BinCount ? Fundamentals : Harmonics;
        var joined = bins[index % BinCount].Join(_previous[index], _current[index]);
        return 2 * joined.Magnitude * joined.Magnitude / ((2.0 * BlockSamples) * (2.0 * BlockSamples));
    }

    /// <summary>Mean-square power of a tone at bin <paramref name="index"/>, averaged over the two 10 ms blocks.</summary>
    private double BlockPower(int index)
    {
        double a = _previous[index].Magnitude;
        double b = _current[index].Magnitude;
        return ((a * a) + (b * b)) / ((double)BlockSamples * BlockSamples);
    }

    /// <summary>The relative frequency error of the tone at bin <paramref name="index"/>, from its phase advance over one block.</summary>
    private double FrequencyError(int index)
    {
        var bin = Fundamentals[index];
        double advance = (_current[index] * Complex.Conjugate(_previous[index])).Phase - bin.PhasePerBlock;
        double offsetHz = Math.IEEERemainder(advance, 2 * Math.PI) * SampleRate / (2 * Math.PI * BlockSamples);
        return offsetHz / bin.Frequency;
    }

    private bool HarmonicFree(int tone, int other)
    {
        if (Math.Abs(Harmonics[tone].Frequency - Fundamentals[other].Frequency) < HarmonicClearanceHz)
        {
            return true;
        }

        return WindowPower(tone + BinCount) <= WindowPower(tone) * SecondHarmonic;
    }

    /// <summary>Follows presses across windows: reports a steady new one once, releases it after a pause.</summary>
    private bool Track(char key, out char reported)
    {
        reported = '\0';
        if (key != _candidate)
        {
            _candidate = key;
            _burstLength = 0;
            if (key != '\0')
            {
                AddToBurst(_previousEnergy);
            }
        }

        if (key != '\0')
        {
            AddToBurst(_currentEnergy);
        }

        if (_held != '\0')
        {
            _misses = key == _held ? 0 : _misses + 1;
            if (_misses >= ReleaseWindows)
            {
                _held = '\0';
            }
        }

        if (_candidate == '\0' || _held != '\0' || SteadyBlockCount() < SteadyBlocks)
        {
            return false;
        }

        _held = _candidate;
        _misses = 0;
        reported = _candidate;
        return true;
    }

    private void AddToBurst(double blockEnergy)
    {
        _burst[_burstLength % BurstMemory] = blockEnergy;
        _burstLength++;
    }

    /// <summary>Blocks of the current press within 1.5 dB of its strongest: blocks the tone filled from end to end.</summary>
    private int SteadyBlockCount()
    {
        int count = Math.Min(_burstLength, BurstMemory);
        double strongest = 0;
        for (int i = 0; i < count; i++)
        {
            strongest = Math.Max(strongest, _burst[i]);
        }

        int steady = 0;
        for (int i = 0; i < count; i++)
        {
            if (_burst[i] >= strongest * SteadyRatio)
            {
                steady++;
            }
        }

        return steady;
    }
}
