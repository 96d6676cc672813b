using System.Diagnostics.CodeAnalysis;
using System.Net;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Answers offers for the appliance's own endpoints (RFC 3264 §6): one audio stream over RTP/AVP with one codec and,
/// when offered, telephone-event; every other stream refused with port 0 in its place.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Codec: the first format of the offer's list that we support, since the list is in the offerer's order of
/// preference (RFC 3264 §6.1); static payload types are known without rtpmap (RFC 3551 table 4), dynamic ones by their
/// rtpmap name (case-insensitive) and clock rate; the offer's payload type number is kept.</item>
/// <item>telephone-event/8000: accepted with the offered payload type, unless the endpoint takes none
/// (<see cref="SdpLocalMedia.TelephoneEventPayloadType"/> null: it is then left out of the answer, RFC 3264 §6.1); the answer lists the DTMF events both sides
/// support (the intersection with 0–15; RFC 4733 §2.5.1.3 makes 0–15 the default when the offer has no fmtp). Not
/// accepted when the intersection is empty.</item>
/// <item>ptime: we answer <c>a=ptime:20</c>, what we want to receive (RFC 3264 §6.1). We send the offer's ptime when it is
/// 20, 40 or 60 ms (whole clock frames per packet; <see cref="MaxPacketFrames"/>), else 20 ms: RFC 8866 §6.4 makes
/// ptime a recommendation, and every phone receives 20 ms, the RTP/AVP default (RFC 3551 §4.5).</item>
/// <item>Direction: the mirror of the offer's within what the endpoint is willing to do (sendonly answered recvonly,
/// recvonly sendonly, inactive inactive). An offer with connection address 0.0.0.0 (RFC 2543 hold, RFC 3264 §8.4)
/// is an offerer that receives nothing: we do not send.</item>
/// <item>Refused with port 0, keeping the count and order of m-lines (RFC 3264 §6): video, image (T.38), text, a second
/// audio stream, any profile but RTP/AVP (RTP/SAVP, RTP/SAVPF, UDP/TLS/RTP/SAVPF…), an audio stream with nothing we
/// support.</item>
/// <item>No audio stream accepted: no answer at all (the PBX answers 488, RFC 3261 §13.3.1.1).</item>
/// <item>rtcp-mux and ICE attributes are not answered, so the offerer falls back to separate RTCP (RFC 5761 §5.1.1)
/// and to the addresses of c=/m= (RFC 8445 §5.1.1.4 fallback when the answer has no ICE).</item>
/// </list>
/// </remarks>
public static class SdpAnswerer
{
    /// <summary>The most 20 ms frames we put in one packet (60 ms).</summary>
    public const int MaxPacketFrames = 3;

    private const string AudioProfile = "RTP/AVP";

    /// <summary>Answers <paramref name="offer"/>.</summary>
    /// <param name="offer">The parsed offer.</param>
    /// <param name="local">Our address, ports, codecs and willingness.</param>
    /// <param name="origin">The endpoint's origin; its version moves when the answer differs from our last SDP (RFC 3264 §8).</param>
    /// <param name="answer">The SDP answer.</param>
    /// <param name="audio">What was negotiated.</param>
    /// <returns>False when no stream could be accepted (answer 488); <paramref name="origin"/> is then unchanged.</returns>
    public static bool TryAnswer(
        SdpMessage offer,
        SdpLocalMedia local,
        SdpOrigin origin,
        [NotNullWhen(true)] out string? answer,
        [NotNullWhen(true)] out SdpNegotiatedAudio? audio)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(origin);
        answer = null;
        audio = null;
        var descriptions = Enumerable.Range(0, offer.MediaCount).Select(i => SdpMediaDescription.Read(offer, i)).ToList();
        int accepted = -1;
        for (int i = 0; i < descriptions.Count && audio is null; i++)
        {
            if (TryAccept(descriptions[i], local, out audio))
            {
                accepted = i;
            }
        }

        if (audio is null)
        {
            return false;
        }

        var writer = new SdpBodyWriter(local, TimingOf(offer));
        for (int i = 0; i < descriptions.Count; i++)
        {
            if (i == accepted)
            {
                ushort events = audio.TelephoneEventPayloadType is { } te ? SdpTelephoneEvents.ParseDtmf(descriptions[i].Fmtps.GetValueOrDefault(te)) : (ushort)0;
                writer.Audio(local, [(audio.PayloadType, audio.Codec)], audio.TelephoneEventPayloadType, events, audio.Direction);
            }
            else
            {
                writer.Rejected(descriptions[i]);
            }
        }

        answer = writer.Finish(origin);
        return true;
    }

    /// <summary>Negotiates one offered stream; false when it is not a usable RTP/AVP audio stream.</summary>
    private static bool TryAccept(SdpMediaDescription offered, SdpLocalMedia local, [NotNullWhen(true)] out SdpNegotiatedAudio? audio)
    {
        audio = null;
        if (offered.Media != "audio" || offered.Port == 0 || offered.Proto != AudioProfile
            || !IPAddress.TryParse(offered.ConnectionAddress, out var address))
        {
            return false;
        }

        AudioCodec? codec = null;
        int payloadType = -1;
        int? telephoneEvent = null;
        foreach (var format in offered.Formats)
        {
            if (!int.TryParse(format, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int type) || type > 127)
            {
                continue;
            }

            var found = Resolve(offered, type, local.Codecs);
            if (codec is null && found is not null)
            {
                (codec, payloadType) = (found, type);
            }
            else if (telephoneEvent is null && local.TelephoneEventPayloadType is not null && IsTelephoneEvent(offered, type)
                && SdpTelephoneEvents.ParseDtmf(offered.Fmtps.GetValueOrDefault(type)) != 0)
            {
                telephoneEvent = type;
            }
        }

        if (codec is null)
        {
            return false;
        }

        audio = Outcome(offered, address, codec, payloadType, telephoneEvent, local.Direction);
        return true;
    }

    /// <summary>
    /// The negotiated stream given the peer's description (offer or answer). A connection address of 0.0.0.0 is the
    /// RFC 2543 way of saying "do not send to me" (RFC 3264 §8.4): the peer is taken as not receiving.
    /// </summary>
    internal static SdpNegotiatedAudio Outcome(SdpMediaDescription peerMedia, IPAddress address, AudioCodec codec, int payloadType, int? telephoneEvent, SdpDirection local)
    {
        bool holdAddress = SdpGrammar.IsHoldAddress(address);
        var peer = holdAddress ? SdpDirections.From(peerMedia.Direction.Sends(), receives: false) : peerMedia.Direction;
        IPEndPoint? rtp = holdAddress ? null : new IPEndPoint(address, peerMedia.Port);
        return new SdpNegotiatedAudio(
            codec,
            payloadType,
            telephoneEvent,
            SendPacketMilliseconds(peerMedia.Ptime),
            SdpDirections.Answering(peer, local),
            rtp,
            rtp is null ? null : RtcpOf(peerMedia, address));
    }

    /// <summary>The codec a payload type of <paramref name="media"/> stands for, among <paramref name="codecs"/>.</summary>
    internal static AudioCodec? Resolve(SdpMediaDescription media, int payloadType, IReadOnlyList<AudioCodec> codecs)
    {
        if (media.RtpMaps.TryGetValue(payloadType, out var map))
        {
            return map.Channels == 1
                ? codecs.FirstOrDefault(c => c.ClockRate == map.ClockRate && string.Equals(c.EncodingName, map.EncodingName, StringComparison.OrdinalIgnoreCase))
                : null;
        }

        // RFC 3551 §6: static payload types need no rtpmap; dynamic ones (96–127) mean nothing without one.
        return payloadType < 96 ? codecs.FirstOrDefault(c => c.PayloadType == payloadType) : null;
    }

    internal static bool IsTelephoneEvent(SdpMediaDescription media, int payloadType) =>
        media.RtpMaps.TryGetValue(payloadType, out var map) && map.ClockRate == 8000
        && string.Equals(map.EncodingName, SdpBodyWriter.TelephoneEvent, StringComparison.OrdinalIgnoreCase);

    private static IPEndPoint RtcpOf(SdpMediaDescription media, IPAddress address) =>
        media.RtcpPort is { } port
            ? new IPEndPoint(media.RtcpAddress is not null && IPAddress.TryParse(media.RtcpAddress, out var rtcpAddress) ? rtcpAddress : address, port)
            : new IPEndPoint(address, Math.Min(media.Port + 1, IPEndPoint.MaxPort));

    private static int SendPacketMilliseconds(int? ptime) =>
        ptime is { } p && p % Clock.MediaFrame.DurationMilliseconds == 0 && p / Clock.MediaFrame.DurationMilliseconds is >= 1 and <= MaxPacketFrames
            ? p
            : Clock.MediaFrame.DurationMilliseconds;

    private static string TimingOf(SdpMessage offer)
    {
        // RFC 3264 §6: the answer's t= equals the offer's.
        foreach (var line in offer.Lines)
        {
            if (line.Type == 't')
            {
                return line.Value;
            }
        }

        return "0 0";
    }
}
