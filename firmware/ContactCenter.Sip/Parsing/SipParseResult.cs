namespace ContactCenter.Sip.Parsing;

/// <summary>The outcome of a parse: a status, and for refused requests the response code and a reason phrase naming the problem.</summary>
/// <param name="Status">What the parser made of the message.</param>
/// <param name="StatusCode">The response a server sends for a refused request (400, 505, 413, 416), 0 when none.</param>
/// <param name="Reason">A reason phrase naming the problem, empty when <see cref="Status"/> is <see cref="SipParseStatus.Ok"/>.</param>
public readonly record struct SipParseResult(SipParseStatus Status, int StatusCode, string Reason)
{
    /// <summary>The successful result.</summary>
    public static SipParseResult Ok { get; } = new(SipParseStatus.Ok, 0, "");

    /// <summary>True when the message is well formed.</summary>
    public bool IsOk => Status == SipParseStatus.Ok;

    internal static SipParseResult Bad(string reason) => new(SipParseStatus.Invalid, 400, reason);

    internal static SipParseResult Unreadable(string reason) => new(SipParseStatus.Unreadable, 0, reason);

    internal static SipParseResult TooLarge(string reason) => new(SipParseStatus.TooLarge, 413, reason);
}
