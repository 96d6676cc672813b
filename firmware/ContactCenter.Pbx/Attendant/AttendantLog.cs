using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Attendant;

/// <summary>Log events of the receptionist's keys (Pbx 3500-3599).</summary>
internal static partial class AttendantLog
{
    [LoggerMessage(3500, LogLevel.Information, "Receptionist {Receptionist}: {Operation} {Target} ({Press} press)")]
    public static partial void Performed(ILogger logger, string receptionist, AttendantOperation operation, string target, AttendantPress press);

    [LoggerMessage(3501, LogLevel.Warning, "Receptionist {Receptionist}: {Operation} {Target} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string receptionist, AttendantOperation operation, string target, string reason);

    [LoggerMessage(3502, LogLevel.Warning, "No receptionist extension is configured (setting panel_receptionist): the receptionist keys do nothing until one is set")]
    public static partial void NoReceptionist(ILogger logger);

    [LoggerMessage(3503, LogLevel.Information, "Night mode is {State}; closed-hours routing follows it once office hours exist")]
    public static partial void NightMode(ILogger logger, string state);

    [LoggerMessage(3504, LogLevel.Information, "Receptionist {Receptionist} is logged {State} the queues; queues read this once they exist")]
    public static partial void QueueLogin(ILogger logger, string receptionist, string state);

    [LoggerMessage(3505, LogLevel.Information, "Receptionist {Receptionist}: do not disturb {State}")]
    public static partial void DoNotDisturb(ILogger logger, string receptionist, string state);

    [LoggerMessage(3506, LogLevel.Information, "Receptionist keys act for extension {Receptionist}; night mode {NightMode}, queue login {QueueLogin}")]
    public static partial void Loaded(ILogger logger, string receptionist, string nightMode, string queueLogin);

    [LoggerMessage(3507, LogLevel.Error, "A lamp observer failed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);
}
