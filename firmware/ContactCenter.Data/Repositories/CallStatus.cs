namespace ContactCenter.Data.Repositories;

/// <summary>A call's final status in the words users know (stored as the lowercase words).</summary>
public enum CallStatus
{
    /// <summary>Someone answered.</summary>
    Answered,
    /// <summary>Rang out without an answer.</summary>
    NoAnswer,
    /// <summary>The callee was busy or on DND.</summary>
    Busy,
    /// <summary>The caller hung up while it rang.</summary>
    Cancelled,
    /// <summary>Failed (unknown number, nobody registered, network or media failure).</summary>
    Failed,
    /// <summary>The appliance stopped during the call.</summary>
    Interrupted,
}
