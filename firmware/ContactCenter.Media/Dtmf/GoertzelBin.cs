using System.Numerics;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// One frequency of a Goertzel filter bank over fixed-length blocks. Returns the complex DFT value with its phase
/// referred to the block's first sample, so consecutive blocks can be joined into a longer window and their phase
/// difference gives the tone's exact frequency.
/// </summary>
internal readonly struct GoertzelBin
{
    private readonly double _coefficient;
    private readonly Complex _lastSampleRotation;
    private readonly Complex _blockRotation;

    public GoertzelBin(double frequency, int sampleRate, int blockLength)
    {
        double omega = 2 * Math.PI * frequency / sampleRate;
        Frequency = frequency;
        _coefficient = 2 * Math.Cos(omega);
        _lastSampleRotation = Complex.FromPolarCoordinates(1, -omega * (blockLength - 1));
        _blockRotation = Complex.FromPolarCoordinates(1, -omega * blockLength);
        PhasePerBlock = omega * blockLength;
    }

    /// <summary>The analysed frequency in Hz.</summary>
    public double Frequency { get; }

    /// <summary>The phase a tone exactly at <see cref="Frequency"/> advances over one block, in radians.</summary>
    public double PhasePerBlock { get; }

    /// <summary>X = Σ x[n]·e^(−jωn) over the block.</summary>
    public Complex Analyze(ReadOnlySpan<float> block)
    {
        double s1 = 0;
        double s2 = 0;
        foreach (float x in block)
        {
            double s0 = x + (_coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        // The Goertzel recursion ends with s1 − e^(−jω)·s2 = e^(jω(N−1))·X.
        return (_lastSampleRotation * s1) - (_blockRotation * s2);
    }

    /// <summary>The DFT of two consecutive blocks taken as one window.</summary>
    public Complex Join(Complex first, Complex second) => first + (_blockRotation * second);
}
