using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Panel;

/// <summary>Log events of the front panel binding (Firmware 8150-8199).</summary>
internal static partial class PanelLog
{
    [LoggerMessage(8150, LogLevel.Information, "Front panel {Profile}: {Keys} keys, {Leds} LEDs on {Chips}")]
    public static partial void Opened(ILogger logger, string profile, int keys, int leds, string chips);

    [LoggerMessage(8151, LogLevel.Information, "Front panel keys bound on first start: {Bindings}")]
    public static partial void Seeded(ILogger logger, string bindings);

    [LoggerMessage(8152, LogLevel.Warning, "Key binding for '{Key}' ignored: the board profile {Profile} has no such key")]
    public static partial void UnknownKey(ILogger logger, string key, string profile);

    [LoggerMessage(8153, LogLevel.Information, "Key {Key} ({Press} press) is not bound to anything")]
    public static partial void Unbound(ILogger logger, string key, string press);

    [LoggerMessage(8154, LogLevel.Error, "Front panel fault: {Reason}")]
    public static partial void Fault(ILogger logger, string reason);

    [LoggerMessage(8155, LogLevel.Error, "The action of key {Key} failed")]
    public static partial void PressFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(8156, LogLevel.Error, "Key edges of chip '{Chip}' can no longer be read; its keys stop working")]
    public static partial void EdgesFailed(ILogger logger, string chip, Exception exception);

    [LoggerMessage(8157, LogLevel.Error, "Updating the status LEDs failed")]
    public static partial void StatusFailed(ILogger logger, Exception exception);
}
