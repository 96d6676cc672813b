using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Runs whole signals through one encoder or decoder of a codec frame by frame (20 ms), as a stream would.</summary>
internal static class CodecStream
{
    public static byte[] Encode(AudioCodec codec, ReadOnlySpan<short> pcm)
    {
        var encoder = codec.CreateEncoder();
        int frameSamples = MediaFrame.Samples(codec.SampleRate);
        var payload = new byte[pcm.Length * codec.PayloadBytesPerFrame / frameSamples];
        for (int start = 0; start < pcm.Length; start += frameSamples)
        {
            int length = Math.Min(frameSamples, pcm.Length - start);
            encoder.Encode(pcm.Slice(start, length), payload.AsSpan(start * codec.PayloadBytesPerFrame / frameSamples));
        }

        return payload;
    }

    public static short[] Decode(AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        var decoder = codec.CreateDecoder();
        int frameSamples = MediaFrame.Samples(codec.SampleRate);
        int frameBytes = codec.PayloadBytesPerFrame;
        var pcm = new short[payload.Length * frameSamples / frameBytes];
        for (int start = 0; start < payload.Length; start += frameBytes)
        {
            int length = Math.Min(frameBytes, payload.Length - start);
            decoder.Decode(payload.Slice(start, length), pcm.AsSpan(start * frameSamples / frameBytes));
        }

        return pcm;
    }
}
