using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Registrar;

/// <summary>Registrar log events, ids 3000–3099.</summary>
internal static partial class RegistrarLog
{
    [LoggerMessage(3000, LogLevel.Information, "Extension {Extension} registered {Contact} from {Transport}:{Source}, expires in {Seconds} s")]
    public static partial void Registered(ILogger logger, string extension, string contact, string transport, IPEndPoint source, int seconds);

    [LoggerMessage(3001, LogLevel.Debug, "Extension {Extension} refreshed {Contact} from {Transport}:{Source}, expires in {Seconds} s")]
    public static partial void Refreshed(ILogger logger, string extension, string contact, string transport, IPEndPoint source, int seconds);

    [LoggerMessage(3002, LogLevel.Information, "Extension {Extension} unregistered {Contact} from {Source}")]
    public static partial void Unregistered(ILogger logger, string extension, string contact, IPEndPoint source);

    [LoggerMessage(3003, LogLevel.Information, "Registration of {Extension} at {Contact} expired (last from {Source})")]
    public static partial void Expired(ILogger logger, string extension, string contact, IPEndPoint source);

    [LoggerMessage(3004, LogLevel.Information, "Extension {Extension} reached its {Max} contacts: {Contact} replaced by {NewContact}")]
    public static partial void Replaced(ILogger logger, string extension, int max, string contact, string newContact);

    [LoggerMessage(3005, LogLevel.Information, "Loaded {Count} persisted registrations")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(3010, LogLevel.Warning, "{Method} authentication failed for {Extension} from {Source}: {Reason}")]
    public static partial void AuthFailed(ILogger logger, string method, string extension, IPAddress source, string reason);

    [LoggerMessage(3011, LogLevel.Debug, "{Method}: stale nonce for {Extension} from {Source}: {Reason}")]
    public static partial void AuthStale(ILogger logger, string method, string extension, IPAddress source, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "{Method}: refused {Extension} from banned {Source}")]
    public static partial void RefusedBanned(ILogger logger, string method, string extension, IPAddress source);

    [LoggerMessage(3013, LogLevel.Warning, "{Authenticated} may not register {Extension} (from {Source})")]
    public static partial void ForeignAor(ILogger logger, string authenticated, string extension, IPAddress source);

    [LoggerMessage(3020, LogLevel.Warning, "Banned {Source} for extension {Extension} until {Until} after {Failures} failures")]
    public static partial void BannedForExtension(ILogger logger, IPAddress source, string extension, DateTimeOffset until, int failures);

    [LoggerMessage(3021, LogLevel.Warning, "Banned {Source} as a whole until {Until}: failures for {Extensions} extensions")]
    public static partial void BannedSource(ILogger logger, IPAddress source, DateTimeOffset until, int extensions);

    [LoggerMessage(3022, LogLevel.Warning, "Not banning {Source} as a whole: other extensions are registered from it (failures for {Extensions} extensions)")]
    public static partial void SourceProtected(ILogger logger, IPAddress source, int extensions);

    [LoggerMessage(3023, LogLevel.Information, "Ban of {Source} for {Extension} ended")]
    public static partial void Unbanned(ILogger logger, IPAddress source, string extension);

    [LoggerMessage(3030, LogLevel.Warning, "REGISTER {CallId} refused with {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, string callId, int status, string reason);

    [LoggerMessage(3031, LogLevel.Error, "REGISTER {CallId} failed")]
    public static partial void Failed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(3032, LogLevel.Error, "Registration expiry sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
