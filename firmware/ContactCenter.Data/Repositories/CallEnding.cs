namespace ContactCenter.Data.Repositories;

/// <summary>How a call ended: what closes its record.</summary>
/// <param name="Status">The final status.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="HangupBy">Who ended it, when known.</param>
/// <param name="Reason">Why, when more than the status says (e.g. "no media", "486 Busy Here"); null otherwise.</param>
/// <param name="PacketsFromCaller">RTP packets the relay received from the caller's side.</param>
/// <param name="PacketsFromCallee">RTP packets the relay received from the callee's side.</param>
/// <param name="CallerQuality">The quality of the media the caller sent; null when none was measured.</param>
/// <param name="CalleeQuality">The quality of the media the callee sent; null when none was measured.</param>
public readonly record struct CallEnding(
    CallStatus Status,
    DateTimeOffset EndedAt,
    HangupParty? HangupBy,
    string? Reason = null,
    long PacketsFromCaller = 0,
    long PacketsFromCallee = 0,
    CallLegQuality? CallerQuality = null,
    CallLegQuality? CalleeQuality = null);
