using System.Numerics;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Converts a stream of frames between 8 kHz and 16 kHz (or copies when the rates match), keeping filter history from
/// one frame to the next so frame edges do not click. Both directions use one windowed-sinc low-pass at 3.6 kHz:
/// upsampling is zero-stuffing then filtering (done polyphase, so only the non-zero taps are computed), downsampling is
/// filtering then keeping every other sample. One instance per stream; no allocation after construction.
/// </summary>
/// <remarks>
/// Each output sample is a dot product of a tap array with a contiguous window of the work buffer, computed with
/// <see cref="Vector{T}"/>: the filter runs per stream per tick (hold music and prompts for G.722 calls, every
/// narrowband conference participant twice), and the scalar loop cost 8-10 µs a frame on the development VM.
/// </remarks>
public sealed class Resampler
{
    private const int TapCount = 63;
    private const double CutoffHz = 3600;

    // Upsampling filters each input sample with the even taps and with the odd ones: 32 and 31 taps.
    private const int PhaseLength = (TapCount + 1) / 2;
    private static readonly float[] Taps = DesignLowPass();

    // The taps in window order (oldest sample first), so each output is one dot product with a slice of the work buffer:
    // DownTaps[i] = h[62 - i] against x[2n - 62 + i]; EvenTaps[i] = h[2(31 - i)] and OddTaps[i] = h[2(31 - i) + 1]
    // against x[n - 31 + i], OddTaps starting with a zero so that both phases read the same 32-sample window.
    private static readonly float[] DownTaps = [.. Enumerable.Reverse(Taps)];
    private static readonly float[] EvenTaps = [.. Enumerable.Range(0, PhaseLength).Select(i => Taps[2 * (PhaseLength - 1 - i)])];
    private static readonly float[] OddTaps = [0f, .. Enumerable.Range(1, PhaseLength - 1).Select(i => Taps[(2 * (PhaseLength - 1 - i)) + 1])];

    private readonly float[] _history;
    private readonly float[] _work;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    /// <param name="inputRate">8000 or 16000.</param>
    /// <param name="outputRate">8000 or 16000.</param>
    public Resampler(int inputRate, int outputRate)
    {
        if (!MediaFrame.IsSupportedRate(inputRate))
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), inputRate, "The engine works at 8000 or 16000 Hz.");
        }

        if (!MediaFrame.IsSupportedRate(outputRate))
        {
            throw new ArgumentOutOfRangeException(nameof(outputRate), outputRate, "The engine works at 8000 or 16000 Hz.");
        }

        InputRate = inputRate;
        OutputRate = outputRate;

        // Upsampling needs the last (TapCount - 1) / 2 input samples, downsampling the last TapCount - 1.
        int historyLength = inputRate < outputRate ? (TapCount - 1) / 2 : TapCount - 1;
        _history = new float[historyLength];
        _work = new float[historyLength + MediaFrame.MaxSamples];
    }

    /// <summary>The rate of the input.</summary>
    public int InputRate { get; }

    /// <summary>The rate of the output.</summary>
    public int OutputRate { get; }

    /// <summary>
    /// Converts one frame. <paramref name="output"/> must hold exactly <paramref name="input"/>'s length times
    /// <see cref="OutputRate"/> / <see cref="InputRate"/>.
    /// </summary>
    /// <param name="input">At most one frame (<see cref="MediaFrame.MaxSamples"/>) of input.</param>
    /// <param name="output">The converted samples.</param>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length > MediaFrame.MaxSamples || output.Length != (long)input.Length * OutputRate / InputRate)
        {
            throw new ArgumentException("Input must be at most one frame and output its converted length.", nameof(output));
        }

        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return;
        }

        // The work buffer is the history followed by the new input, so every filter reach-back stays in one array.
        int h = _history.Length;
        _history.CopyTo(_work, 0);
        for (int i = 0; i < input.Length; i++)
        {
            _work[h + i] = input[i];
        }

        if (InputRate < OutputRate)
        {
            Upsample(input.Length, output);
        }
        else
        {
            Downsample(input.Length, output);
        }

        Array.Copy(_work, input.Length, _history, 0, h);
    }

    // Zero-stuffed input u[2n] = x[n]: y[2n] = 2 Σ h[2j] x[n-j] and y[2n+1] = 2 Σ h[2j+1] x[n-j] (the 2 restores the
    // energy the inserted zeros take away).
    private void Upsample(int inputLength, Span<short> output)
    {
        // The history holds PhaseLength - 1 samples, so the window ending at input sample n starts at n.
        var work = _work.AsSpan();
        for (int n = 0; n < inputLength; n++)
        {
            var (even, odd) = DotPhases(work.Slice(n, PhaseLength));
            output[2 * n] = Saturate(2 * even);
            output[(2 * n) + 1] = Saturate(2 * odd);
        }
    }

    // Both up-sampling phases over one window, so each window sample is loaded once.
    private static (float Even, float Odd) DotPhases(ReadOnlySpan<float> window)
    {
        var evenSums = Vector<float>.Zero;
        var oddSums = Vector<float>.Zero;
        int i = 0;
        for (; i <= PhaseLength - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = new Vector<float>(window[i..]);
            evenSums += new Vector<float>(EvenTaps.AsSpan(i)) * x;
            oddSums += new Vector<float>(OddTaps.AsSpan(i)) * x;
        }

        float even = Vector.Sum(evenSums);
        float odd = Vector.Sum(oddSums);
        for (; i < PhaseLength; i++)
        {
            even += EvenTaps[i] * window[i];
            odd += OddTaps[i] * window[i];
        }

        return (even, odd);
    }

    // y[n] = Σ h[k] x[2n - k]: only the kept samples are filtered. Keeping the even samples makes an up-then-down round
    // trip a whole number of narrowband samples late (the two filters' delays add to 62 wideband samples).
    private void Downsample(int inputLength, Span<short> output)
    {
        // The history holds TapCount - 1 samples, so the window ending at input sample 2n starts at 2n.
        var work = _work.AsSpan();
        for (int n = 0; n < inputLength / 2; n++)
        {
            output[n] = Saturate(Dot(DownTaps, work.Slice(2 * n, TapCount)));
        }
    }

    private static float Dot(ReadOnlySpan<float> taps, ReadOnlySpan<float> window)
    {
        var sums = Vector<float>.Zero;
        int i = 0;
        for (; i <= taps.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sums += new Vector<float>(taps[i..]) * new Vector<float>(window[i..]);
        }

        float sum = Vector.Sum(sums);
        for (; i < taps.Length; i++)
        {
            sum += taps[i] * window[i];
        }

        return sum;
    }

    /// <summary>The low-pass filter's taps, h[0] first: for tests that check the conversion against its definition.</summary>
    internal static ReadOnlySpan<float> FilterTaps => Taps;

    private static short Saturate(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);

    // Windowed sinc (Blackman window) at 16 kHz, normalised to unit DC gain.
    private static float[] DesignLowPass()
    {
        var taps = new float[TapCount];
        double fc = CutoffHz / MediaFrame.WidebandRate;
        int middle = (TapCount - 1) / 2;
        double sum = 0;
        double[] raw = new double[TapCount];
        for (int k = 0; k < TapCount; k++)
        {
            int m = k - middle;
            double sinc = m == 0 ? 2 * fc : Math.Sin(2 * Math.PI * fc * m) / (Math.PI * m);
            double window = 0.42 - (0.5 * Math.Cos(2 * Math.PI * k / (TapCount - 1))) + (0.08 * Math.Cos(4 * Math.PI * k / (TapCount - 1)));
            raw[k] = sinc * window;
            sum += raw[k];
        }

        for (int k = 0; k < TapCount; k++)
        {
            taps[k] = (float)(raw[k] / sum);
        }

        return taps;
    }
}
