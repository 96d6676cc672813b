using ContactCenter.Media.Tests.Tools;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// Debian's ffmpeg as the independent codec implementation: its <c>g722</c>, <c>pcm_mulaw</c> and <c>pcm_alaw</c>
/// encoders and decoders over headerless files (ffmpeg's raw <c>g722</c>, <c>mulaw</c> and <c>alaw</c> formats are the
/// bare RTP payload octets in order).
/// </summary>
internal static class FfmpegCodec
{
    public static byte[] EncodeG722(TempDirectory scratch, ReadOnlySpan<short> pcm16k) =>
        Encode(scratch, pcm16k, 16000, "g722", "g722");

    public static short[] DecodeG722(TempDirectory scratch, byte[] payload) => Decode(scratch, payload, "g722", 16000);

    public static byte[] EncodeG711(TempDirectory scratch, ReadOnlySpan<short> pcm8k, bool muLaw) =>
        Encode(scratch, pcm8k, 8000, muLaw ? "pcm_mulaw" : "pcm_alaw", muLaw ? "mulaw" : "alaw");

    public static short[] DecodeG711(TempDirectory scratch, byte[] payload, bool muLaw) =>
        Decode(scratch, payload, muLaw ? "mulaw" : "alaw", 8000);

    private static byte[] Encode(TempDirectory scratch, ReadOnlySpan<short> pcm, int rate, string codec, string format)
    {
        string input = scratch.File(Guid.NewGuid().ToString("N") + ".raw");
        string output = scratch.File(Guid.NewGuid().ToString("N") + "." + format);
        ExternalTool.WriteRawPcm(input, pcm);
        string r = rate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ExternalTool.Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", r, "-ac", "1", "-i", input, "-c:a", codec, "-f", format, output);
        return File.ReadAllBytes(output);
    }

    private static short[] Decode(TempDirectory scratch, byte[] payload, string format, int rate)
    {
        string input = scratch.File(Guid.NewGuid().ToString("N") + "." + format);
        string output = scratch.File(Guid.NewGuid().ToString("N") + ".raw");
        File.WriteAllBytes(input, payload);
        string r = rate.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The raw G.711 demuxers need the rate; the g722 demuxer knows it is 16 kHz. The output rate is stated so that
        // a mismatch would fail rather than resample silently.
        string[] inputRate = format == "g722" ? [] : ["-ar", r, "-ac", "1"];
        ExternalTool.Run("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", format, .. inputRate, "-i", input, "-f", "s16le", "-ar", r, "-ac", "1", output]);
        return ExternalTool.ReadRawPcm(output);
    }
}
