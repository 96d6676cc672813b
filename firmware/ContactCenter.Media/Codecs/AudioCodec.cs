using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// An audio codec the engine can send and receive: its SDP name, static payload type, rates, and factories for
/// per-stream encoders and decoders. The instances are the static members of this class (and of the codec families
/// added beside it); compare by reference.
/// </summary>
public sealed class AudioCodec
{
    private readonly Func<AudioCodec, IAudioEncoder> _createEncoder;
    private readonly Func<AudioCodec, IAudioDecoder> _createDecoder;

    /// <summary>Describes a codec; the factories receive the descriptor so stateless codecs can share one instance.</summary>
    /// <param name="encodingName">The rtpmap encoding name (RFC 3551 §6), e.g. <c>PCMU</c>.</param>
    /// <param name="payloadType">The static payload type (RFC 3551 table 4).</param>
    /// <param name="clockRate">The RTP clock rate, which is what the rtpmap line and timestamps carry.</param>
    /// <param name="sampleRate">The rate of the PCM the codec encodes and decodes.</param>
    /// <param name="payloadBytesPerFrame">Payload bytes of one 20 ms frame.</param>
    /// <param name="createEncoder">Creates an encoder.</param>
    /// <param name="createDecoder">Creates a decoder.</param>
    public AudioCodec(
        string encodingName,
        int payloadType,
        int clockRate,
        int sampleRate,
        int payloadBytesPerFrame,
        Func<AudioCodec, IAudioEncoder> createEncoder,
        Func<AudioCodec, IAudioDecoder> createDecoder)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodingName);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        if (!MediaFrame.IsSupportedRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The engine works at 8000 or 16000 Hz.");
        }

        EncodingName = encodingName;
        PayloadType = payloadType;
        ClockRate = clockRate;
        SampleRate = sampleRate;
        PayloadBytesPerFrame = payloadBytesPerFrame;
        _createEncoder = createEncoder;
        _createDecoder = createDecoder;
    }

    /// <summary>G.711 µ-law (RFC 3551 §4.5.14), payload type 0.</summary>
    public static AudioCodec Pcmu { get; } = new("PCMU", 0, 8000, 8000, 160, c => new G711Encoder(c, G711Law.MuLaw), c => new G711Decoder(c, G711Law.MuLaw));

    /// <summary>G.711 A-law (RFC 3551 §4.5.14), payload type 8.</summary>
    public static AudioCodec Pcma { get; } = new("PCMA", 8, 8000, 8000, 160, c => new G711Encoder(c, G711Law.ALaw), c => new G711Decoder(c, G711Law.ALaw));

    /// <summary>
    /// G.722 at 64 kbit/s (RFC 3551 §4.5.2), payload type 9: 16 kHz audio, but an RTP clock rate of 8000 (the rtpmap
    /// says <c>G722/8000</c>) because RFC 1890 assigned that value by mistake and RFC 3551 §4.5.2 keeps it for
    /// compatibility; the timestamp therefore counts octets (sample pairs), 160 per 20 ms frame.
    /// </summary>
    public static AudioCodec G722 { get; } = new("G722", 9, 8000, 16000, 160, c => new G722Encoder(c), c => new G722Decoder(c));

    /// <summary>The rtpmap encoding name.</summary>
    public string EncodingName { get; }

    /// <summary>The static payload type.</summary>
    public int PayloadType { get; }

    /// <summary>The RTP clock rate: RTP timestamps advance by <see cref="TimestampStepPerFrame"/> per frame.</summary>
    public int ClockRate { get; }

    /// <summary>The PCM rate of <see cref="IAudioEncoder"/> input and <see cref="IAudioDecoder"/> output.</summary>
    public int SampleRate { get; }

    /// <summary>Payload bytes of one 20 ms frame.</summary>
    public int PayloadBytesPerFrame { get; }

    /// <summary>How far the RTP timestamp advances per 20 ms frame.</summary>
    public int TimestampStepPerFrame => ClockRate / MediaFrame.PerSecond;

    /// <summary>Creates an encoder for one stream.</summary>
    /// <returns>A new encoder (or a shared one for stateless codecs).</returns>
    public IAudioEncoder CreateEncoder() => _createEncoder(this);

    /// <summary>Creates a decoder for one stream.</summary>
    /// <returns>A new decoder (or a shared one for stateless codecs).</returns>
    public IAudioDecoder CreateDecoder() => _createDecoder(this);

    /// <inheritdoc/>
    public override string ToString() => $"{EncodingName}/{ClockRate}";
}
