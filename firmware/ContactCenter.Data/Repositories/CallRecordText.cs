namespace ContactCenter.Data.Repositories;

/// <summary>The words call records use (as stored), for logs and screens that must say the same thing.</summary>
public static class CallRecordText
{
    /// <summary>"answered", "no answer", "busy", "cancelled", "failed" or "interrupted".</summary>
    public static string Of(CallStatus status) => Codes.Of(status);

    /// <summary>"caller", "callee" or "system".</summary>
    public static string Of(HangupParty party) => Codes.Of(party);
}
