using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Converts a stream of frames between 8 kHz and 16 kHz (or copies when the rates match), keeping filter history from
/// one frame to the next so frame edges do not click. Both directions use one windowed-sinc low-pass at 3.6 kHz:
/// upsampling is zero-stuffing then filtering (done polyphase, so only the non-zero taps are computed), downsampling is
/// filtering then keeping every other sample. One instance per stream; no allocation after construction.
/// </summary>
public sealed class Resampler
{
    private const int TapCount = 63;
    private const double CutoffHz = 3600;
    private static readonly float[] Taps = DesignLowPass();

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
        int h = _history.Length;
        for (int n = 0; n < inputLength; n++)
        {
            float even = 0;
            float odd = 0;
            int newest = h + n;
            for (int j = 0; 2 * j < TapCount; j++)
            {
                float x = _work[newest - j];
                even += Taps[2 * j] * x;
                if ((2 * j) + 1 < TapCount)
                {
                    odd += Taps[(2 * j) + 1] * x;
                }
            }

            output[2 * n] = Saturate(2 * even);
            output[(2 * n) + 1] = Saturate(2 * odd);
        }
    }

    // y[n] = Σ h[k] x[2n - k]: only the kept samples are filtered. Keeping the even samples makes an up-then-down round
    // trip a whole number of narrowband samples late (the two filters' delays add to 62 wideband samples).
    private void Downsample(int inputLength, Span<short> output)
    {
        int h = _history.Length;
        for (int n = 0; n < inputLength / 2; n++)
        {
            int newest = h + (2 * n);
            float sum = 0;
            for (int k = 0; k < TapCount; k++)
            {
                sum += Taps[k] * _work[newest - k];
            }

            output[n] = Saturate(sum);
        }
    }

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
