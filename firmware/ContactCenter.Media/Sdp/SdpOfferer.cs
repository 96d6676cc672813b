using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Offers for calls the appliance places from its own endpoints (RFC 3264 §5): one RTP/AVP audio stream with every
/// supported codec at its static payload type, plus telephone-event; and reading the answer (RFC 3264 §6.1, §7).
/// </summary>
public static class SdpOfferer
{
    /// <summary>
    /// Writes an offer of <paramref name="local"/>'s codecs (in that order) and telephone-event 0–15, unless
    /// <see cref="SdpLocalMedia.TelephoneEventPayloadType"/> is null.
    /// </summary>
    /// <param name="local">Our address, ports, codecs, telephone-event payload type and willingness.</param>
    /// <param name="origin">The endpoint's origin; its version moves when the offer differs from our last SDP (RFC 3264 §8).</param>
    /// <returns>The SDP offer.</returns>
    public static string CreateOffer(SdpLocalMedia local, SdpOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(origin);
        var writer = new SdpBodyWriter(local, "0 0");
        writer.Audio(local, local.Codecs.Select(c => (c.PayloadType, c)), local.TelephoneEventPayloadType, SdpTelephoneEvents.AllDtmf, local.Direction);
        return writer.Finish(origin);
    }

    /// <summary>Reads the answer to an offer made by <see cref="CreateOffer"/> with the same <paramref name="local"/>.</summary>
    /// <param name="answer">The parsed answer.</param>
    /// <param name="local">What was offered.</param>
    /// <param name="audio">What was negotiated.</param>
    /// <returns>
    /// False when the answer does not fit the offer: not exactly one m-line (RFC 3264 §6), the audio stream refused
    /// (port 0), another profile, or no codec we offered.
    /// </returns>
    public static bool TryApplyAnswer(SdpMessage answer, SdpLocalMedia local, [NotNullWhen(true)] out SdpNegotiatedAudio? audio)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(local);
        audio = null;
        if (answer.MediaCount != 1)
        {
            return false;
        }

        var answered = SdpMediaDescription.Read(answer, 0);
        if (answered.Media != "audio" || answered.Port == 0 || answered.Proto != "RTP/AVP"
            || !IPAddress.TryParse(answered.ConnectionAddress, out var address))
        {
            return false;
        }

        // The answerer keeps our payload type numbers (RFC 3264 §6.1): its first one that we offered is the codec.
        Codecs.AudioCodec? codec = null;
        int payloadType = -1;
        int? telephoneEvent = null;
        foreach (var format in answered.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int type))
            {
                continue;
            }

            var offered = local.Codecs.FirstOrDefault(c => c.PayloadType == type);
            if (codec is null && offered is not null && SdpAnswerer.Resolve(answered, type, [offered]) is not null)
            {
                (codec, payloadType) = (offered, type);
            }
            else if (local.TelephoneEventPayloadType == type)
            {
                telephoneEvent = type;
            }
        }

        if (codec is null)
        {
            return false;
        }

        audio = SdpAnswerer.Outcome(answered, address, codec, payloadType, telephoneEvent, local.Direction);
        return true;
    }
}
