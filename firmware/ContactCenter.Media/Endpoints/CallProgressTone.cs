namespace ContactCenter.Media.Endpoints;

/// <summary>The call-progress tones the appliance plays to callers (ITU-T E.180 / E.182 names).</summary>
public enum CallProgressTone
{
    /// <summary>Dial tone: the line is ready for digits.</summary>
    Dial,

    /// <summary>Ringing tone (ringback): the called party is being alerted.</summary>
    Ringback,

    /// <summary>Busy tone: the called party is engaged.</summary>
    Busy,

    /// <summary>Congestion tone (US: reorder, fast busy): the network or the appliance cannot complete the call.</summary>
    Congestion,

    /// <summary>Call-waiting tone: played over a call to announce another one.</summary>
    CallWaiting,
}
