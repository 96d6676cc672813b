using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>G.722 against ffmpeg's independent implementation, both directions, on speech-like signals.</summary>
public sealed class G722FfmpegTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _scratch = new();

    public static TheoryData<string> Signals => ["speech-fr", "speech-en", "chirp", "modulated-noise", "multi-tone"];

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(Signals))]
    public void Measure(string signal)
    {
        short[] input = TestSignals.Named(_scratch, signal);
        byte[] ours = G722Stream.Encode(input);
        byte[] theirs = FfmpegCodec.EncodeG722(_scratch, input);
        short[] oursOurs = G722Stream.Decode(ours);
        short[] oursTheirs = FfmpegCodec.DecodeG722(_scratch, ours);
        short[] theirsOurs = G722Stream.Decode(theirs);
        short[] theirsTheirs = FfmpegCodec.DecodeG722(_scratch, theirs);
        int sameCodes = 0;
        for (int i = 0; i < Math.Min(ours.Length, theirs.Length); i++)
        {
            sameCodes += ours[i] == theirs[i] ? 1 : 0;
        }

        output.WriteLine($"{signal}: {input.Length} samples, rms {SignalMath.Rms(input):F0}; codes {ours.Length}/{theirs.Length}, same {sameCodes}");
        output.WriteLine($"ours->ours {G722Stream.AlignedSnr(input, oursOurs, out int l1):F2} dB lag {l1}");
        output.WriteLine($"ours->ffmpeg {G722Stream.AlignedSnr(input, oursTheirs, out int l2):F2} dB lag {l2}");
        output.WriteLine($"ffmpeg->ours {G722Stream.AlignedSnr(input, theirsOurs, out int l3):F2} dB lag {l3}");
        output.WriteLine($"ffmpeg->ffmpeg {G722Stream.AlignedSnr(input, theirsTheirs, out int l4):F2} dB lag {l4}");
        int diff = 0;
        for (int i = 0; i < Math.Min(theirsOurs.Length, theirsTheirs.Length); i++)
        {
            diff += theirsOurs[i] == theirsTheirs[i] ? 0 : 1;
        }

        output.WriteLine($"decoder differences {diff} of {theirsTheirs.Length}/{theirsOurs.Length}");
    }
}
