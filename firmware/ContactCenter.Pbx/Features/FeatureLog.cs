using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Features;

/// <summary>Feature application log events, ids 3200–3299; each starts with the call's correlation id, as CallLog does.</summary>
internal static partial class FeatureLog
{
    [LoggerMessage(3200, LogLevel.Information, "Call {Call}: DTMF read-back heard {Digits} (signalled by {Sources})")]
    public static partial void DigitsHeard(ILogger logger, string call, string digits, string sources);
}
