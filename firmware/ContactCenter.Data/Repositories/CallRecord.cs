namespace ContactCenter.Data.Repositories;

/// <summary>One call record (CDR). Open while the call runs; closed with a final status.</summary>
/// <param name="Id">The record id.</param>
/// <param name="CallId">The correlation id of the call (the caller leg's Call-ID), as in the logs.</param>
/// <param name="LinkedId">The record this one continues (transfer, queue leg), if any.</param>
/// <param name="StartedAt">When the call arrived.</param>
/// <param name="AnsweredAt">When it was answered, if it was.</param>
/// <param name="EndedAt">When it ended, once closed.</param>
/// <param name="Caller">The calling number or URI.</param>
/// <param name="Callee">The called number or URI.</param>
/// <param name="Direction">Internal, inbound or outbound.</param>
/// <param name="Status">The final status, once closed.</param>
/// <param name="RingTime">From start to answer (or to the end when unanswered).</param>
/// <param name="TalkTime">From answer to the end.</param>
/// <param name="HangupBy">Who ended it, once known.</param>
/// <param name="IsOpen">Whether the call is still running.</param>
/// <param name="EndReason">Why it ended, when more than the status says (e.g. "no media", a SIP status), else null.</param>
/// <param name="PacketsFromCaller">RTP packets the media relay received from the caller's side.</param>
/// <param name="PacketsFromCallee">RTP packets the media relay received from the callee's side.</param>
/// <param name="CallerQuality">Loss, jitter, round trip and MOS of the caller's media; null when none was measured.</param>
/// <param name="CalleeQuality">The same for the callee's media.</param>
public sealed record CallRecord(
    long Id,
    string CallId,
    long? LinkedId,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string Caller,
    string Callee,
    CallDirection Direction,
    CallStatus? Status,
    TimeSpan RingTime,
    TimeSpan TalkTime,
    HangupParty? HangupBy,
    bool IsOpen,
    string? EndReason,
    long PacketsFromCaller,
    long PacketsFromCallee,
    CallLegQuality? CallerQuality,
    CallLegQuality? CalleeQuality);
