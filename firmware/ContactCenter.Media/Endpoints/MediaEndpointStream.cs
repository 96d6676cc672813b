using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The per-negotiation state of an endpoint's audio stream: what was agreed and the codec machinery for it. A new
/// negotiation publishes a new instance (reference swap); when the codec and payload types are unchanged (hold, resume,
/// a new remote address) the encoder, decoder, jitter buffer and DTMF receivers carry over, so the stream's state does.
/// </summary>
internal sealed class MediaEndpointStream
{
    private MediaEndpointStream(SdpNegotiatedAudio audio, MediaEndpointStream? previous)
    {
        Audio = audio;
        bool same = previous is not null && previous.Audio.Codec == audio.Codec && previous.Audio.PayloadType == audio.PayloadType;
        Encoder = same ? previous!.Encoder : audio.Codec.CreateEncoder();
        Decoder = same ? previous!.Decoder : audio.Codec.CreateDecoder();
        JitterBuffer = same ? previous!.JitterBuffer : new JitterBuffer(audio.Codec.TimestampStepPerFrame, audio.Codec.PayloadBytesPerFrame);
        EventReceiver = same && previous!.EventReceiver is not null ? previous.EventReceiver : new TelephoneEventReceiver();
        // In-band detection only without RFC 4733, and only on narrowband G.711 audio (the detector works at 8 kHz).
        ToneDetector = audio.TelephoneEventPayloadType is null && audio.Codec.SampleRate == Clock.MediaFrame.NarrowbandRate
            ? (same && previous!.ToneDetector is not null ? previous.ToneDetector : new DtmfToneDetector())
            : null;
        FramesPerPacket = audio.SendPacketMilliseconds / Clock.MediaFrame.DurationMilliseconds;
    }

    public SdpNegotiatedAudio Audio { get; }

    public AudioCodec Codec => Audio.Codec;

    public IAudioEncoder Encoder { get; }

    public IAudioDecoder Decoder { get; }

    public JitterBuffer JitterBuffer { get; }

    /// <summary>Fed on the RTP receive loop only.</summary>
    public TelephoneEventReceiver EventReceiver { get; }

    /// <summary>Fed on the media clock's thread only; null when telephone-event was negotiated or the codec is wideband.</summary>
    public DtmfToneDetector? ToneDetector { get; }

    public int FramesPerPacket { get; }

    public static MediaEndpointStream Create(SdpNegotiatedAudio audio, MediaEndpointStream? previous) => new(audio, previous);
}
