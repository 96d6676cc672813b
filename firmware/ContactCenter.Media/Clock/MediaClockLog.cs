using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Clock;

/// <summary>Source-generated log lines of the media clock (event IDs 2200–2219). Per clock or per subscriber, never per tick.</summary>
internal static partial class MediaClockLog
{
    [LoggerMessage(2200, LogLevel.Information, "Media clock started: {PeriodMilliseconds} ms frames on a dedicated thread")]
    public static partial void Started(ILogger logger, int periodMilliseconds);

    [LoggerMessage(2201, LogLevel.Information, "Media clock stopped after {Ticks} ticks; {LateTicks} late, {Resyncs} resyncs skipping {SkippedFrames} frames, {Faults} subscriber faults")]
    public static partial void Stopped(ILogger logger, long ticks, long lateTicks, long resyncs, long skippedFrames, long faults);

    [LoggerMessage(2202, LogLevel.Warning, "Media clock fell {LateFrames} frames behind at frame {Frame}: resynchronised instead of bursting")]
    public static partial void Resynchronised(ILogger logger, long frame, long lateFrames);

    [LoggerMessage(2203, LogLevel.Error, "Media clock subscriber {Subscriber} ({Phase}) threw at frame {Frame}; {Faults} faults so far, it is ticked again next frame")]
    public static partial void SubscriberFaulted(ILogger logger, Exception exception, string subscriber, MediaClockPhase phase, long frame, long faults);

    [LoggerMessage(2204, LogLevel.Critical, "Media clock thread failed outside any subscriber; the loop continues")]
    public static partial void LoopFaulted(ILogger logger, Exception exception);
}
