namespace ContactCenter.Media.Codecs;

/// <summary>The codecs the appliance's own endpoints offer and accept, in the order of our preference for offers.</summary>
public static class SupportedAudioCodecs
{
    /// <summary>Every codec the endpoints can encode and decode. Adding a codec here is all SDP negotiation needs.</summary>
    public static IReadOnlyList<AudioCodec> All { get; } = [AudioCodec.G722, AudioCodec.Pcmu, AudioCodec.Pcma];
}
