namespace ContactCenter.Media.Endpoints;

/// <summary>What the appliance's own endpoints offer and accept (configuration section <c>Media</c>).</summary>
public sealed class MediaEndpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Media";

    /// <summary>
    /// Whether offers and answers carry telephone-event (RFC 4733). True by default; false leaves it out of every
    /// offer and answer, so that phones must send their digits as in-band tones, which the endpoint then detects
    /// (for phones whose RFC 4733 events are broken, and for testing the detector).
    /// </summary>
    public bool TelephoneEvent { get; set; } = true;

    /// <summary>The payload type telephone-event gets in our offers (101, as most phones use).</summary>
    public int TelephoneEventPayloadType { get; set; } = Sdp.SdpLocalMedia.DefaultTelephoneEventPayloadType;

    /// <summary>Throws <see cref="ArgumentException"/> when the settings cannot work.</summary>
    public void Validate()
    {
        // RFC 3551 §6: telephone-event has no static payload type; it needs one of the dynamic range 96–127.
        if (TelephoneEventPayloadType is < 96 or > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(TelephoneEventPayloadType), TelephoneEventPayloadType,
                "telephone-event needs a dynamic payload type, 96 to 127");
        }
    }

    /// <summary>The telephone-event payload type to write into SDP, or null when telephone-event is off.</summary>
    internal int? OfferedTelephoneEvent => TelephoneEvent ? TelephoneEventPayloadType : null;
}
