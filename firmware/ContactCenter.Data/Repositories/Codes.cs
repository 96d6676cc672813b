namespace ContactCenter.Data.Repositories;

/// <summary>The text stored for each enum value (explicit, no reflection: STYLE.md §10).</summary>
internal static class Codes
{
    public static string Of(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Available => "available",
        ExtensionStatus.Away => "away",
        ExtensionStatus.DoNotDisturb => "dnd",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static ExtensionStatus ToExtensionStatus(string code) => code switch
    {
        "available" => ExtensionStatus.Available,
        "away" => ExtensionStatus.Away,
        "dnd" => ExtensionStatus.DoNotDisturb,
        _ => throw new FormatException($"unknown extension status '{code}'"),
    };

    public static string Of(ExtensionRole role) => role switch
    {
        ExtensionRole.User => "user",
        ExtensionRole.Agent => "agent",
        ExtensionRole.Supervisor => "supervisor",
        ExtensionRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static ExtensionRole ToExtensionRole(string code) => code switch
    {
        "user" => ExtensionRole.User,
        "agent" => ExtensionRole.Agent,
        "supervisor" => ExtensionRole.Supervisor,
        "admin" => ExtensionRole.Admin,
        _ => throw new FormatException($"unknown role '{code}'"),
    };

    public static string Of(CallStatus status) => status switch
    {
        CallStatus.Answered => "answered",
        CallStatus.NoAnswer => "no answer",
        CallStatus.Busy => "busy",
        CallStatus.Cancelled => "cancelled",
        CallStatus.Failed => "failed",
        CallStatus.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static CallStatus ToCallStatus(string code) => code switch
    {
        "answered" => CallStatus.Answered,
        "no answer" => CallStatus.NoAnswer,
        "busy" => CallStatus.Busy,
        "cancelled" => CallStatus.Cancelled,
        "failed" => CallStatus.Failed,
        "interrupted" => CallStatus.Interrupted,
        _ => throw new FormatException($"unknown call status '{code}'"),
    };

    public static string Of(CallDirection direction) => direction switch
    {
        CallDirection.Internal => "internal",
        CallDirection.Inbound => "inbound",
        CallDirection.Outbound => "outbound",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    public static CallDirection ToCallDirection(string code) => code switch
    {
        "internal" => CallDirection.Internal,
        "inbound" => CallDirection.Inbound,
        "outbound" => CallDirection.Outbound,
        _ => throw new FormatException($"unknown call direction '{code}'"),
    };

    public static string Of(HangupParty party) => party switch
    {
        HangupParty.Caller => "caller",
        HangupParty.Callee => "callee",
        HangupParty.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(party)),
    };

    public static HangupParty ToHangupParty(string code) => code switch
    {
        "caller" => HangupParty.Caller,
        "callee" => HangupParty.Callee,
        "system" => HangupParty.System,
        _ => throw new FormatException($"unknown hang-up party '{code}'"),
    };

    public static string Of(PanelKeyAction action) => action switch
    {
        PanelKeyAction.BusyLamp => "blf",
        PanelKeyAction.Park => "park",
        PanelKeyAction.DoNotDisturb => "dnd",
        PanelKeyAction.NightMode => "night",
        PanelKeyAction.QueueLogin => "queue",
        PanelKeyAction.SpeedDial => "speed_dial",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static PanelKeyAction ToPanelKeyAction(string code) => code switch
    {
        "blf" => PanelKeyAction.BusyLamp,
        "park" => PanelKeyAction.Park,
        "dnd" => PanelKeyAction.DoNotDisturb,
        "night" => PanelKeyAction.NightMode,
        "queue" => PanelKeyAction.QueueLogin,
        "speed_dial" => PanelKeyAction.SpeedDial,
        _ => throw new FormatException($"unknown panel key action '{code}'"),
    };

    public static string Of(bool on) => on ? "on" : "off";

    public static bool ToSwitch(string? code) => code == "on";

    public static long UnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
