using System.Threading.Channels;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Quality;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// An RTP endpoint the appliance terminates itself (IVR, voicemail, queue, conference, music on hold, test
/// extensions): one SDP offer/answer state, one RTP/RTCP port pair, one negotiated codec. It sends whatever its
/// <see cref="Source"/> produces and hands what it receives to its <see cref="Sink"/>, one frame per media clock tick.
/// The PBX side pairs its SIP dialog with one endpoint; this is the narrow boundary where SDP and ports meet.
/// </summary>
public interface IMediaEndpoint : IAsyncDisposable
{
    /// <summary>
    /// Answers an initial or subsequent offer (RFC 3264 §6, §8): picks one audio codec and telephone-event when offered
    /// (and not switched off by <see cref="MediaEndpointOptions.TelephoneEvent"/>),
    /// keeps the offer's ptime and direction (a hold offer gets a matching answer), and refuses other streams with port
    /// 0 in the answer.
    /// </summary>
    /// <param name="offer">The SDP body of the INVITE, re-INVITE or UPDATE.</param>
    /// <param name="answer">The answer to send in the 2xx.</param>
    /// <returns>False when no stream of the offer can be accepted (answer 488); nothing changes then.</returns>
    bool TryAnswer(ReadOnlySpan<byte> offer, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? answer);

    /// <summary>
    /// Makes an offer of every supported codec plus telephone-event unless <see cref="MediaEndpointOptions.TelephoneEvent"/>
    /// is off (RFC 3264 §5), for calls the appliance places and offerless INVITEs.
    /// </summary>
    /// <returns>The SDP body.</returns>
    byte[] CreateOffer();

    /// <summary>Applies the answer to the last <see cref="CreateOffer"/>.</summary>
    /// <param name="answer">The SDP body of the answer.</param>
    /// <returns>False when the answer does not fit the offer (end the call); nothing changes then.</returns>
    bool TryApplyAnswer(ReadOnlySpan<byte> answer);

    /// <summary>What to send; null sends nothing (RFC 3264 allows silence). Swapping takes effect on the next tick.</summary>
    IAudioSource? Source { get; set; }

    /// <summary>Where received audio goes; null discards it. Swapping takes effect on the next tick.</summary>
    IAudioSink? Sink { get; set; }

    /// <summary>
    /// Every digit the far end pressed, once each, in order, however it was signalled: RFC 4733 events, in-band tones
    /// (only when no telephone-event was negotiated), and SIP INFO digits the PBX passes to <see cref="AcceptSignalledDigit"/>.
    /// </summary>
    ChannelReader<DtmfDigit> Digits { get; }

    /// <summary>Adds a digit that arrived in the signalling (SIP INFO) to <see cref="Digits"/>.</summary>
    /// <param name="digit">The digit.</param>
    void AcceptSignalledDigit(DtmfDigit digit);

    /// <summary>
    /// The quality of the stream received from the far end so far (loss, jitter, round trip when its RTCP allowed one,
    /// and the E-model's MOS), for the call record; null before a packet was received.
    /// </summary>
    /// <returns>The estimate, or null.</returns>
    CallQuality? MeasureQuality();

    /// <summary>Sends a digit: as an RFC 4733 event when negotiated, otherwise as in-band tones.</summary>
    /// <param name="digit">One of <see cref="DtmfDigit.Keys"/>.</param>
    /// <param name="durationMilliseconds">How long to press it.</param>
    void SendDigit(char digit, int durationMilliseconds);
}
