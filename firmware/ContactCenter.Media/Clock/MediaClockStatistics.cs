namespace ContactCenter.Media.Clock;

/// <summary>Counters of a media clock since it was created.</summary>
/// <param name="Ticks">Frames ticked.</param>
/// <param name="LateTicks">Ticks that ran a whole frame or more after their deadline (catching up after a short stall).</param>
/// <param name="Resyncs">Times the clock fell more than three frames behind and restarted its deadlines from now.</param>
/// <param name="SkippedFrames">Frames never ticked because of those resyncs.</param>
/// <param name="SubscriberFaults">Exceptions thrown by subscribers (caught, logged and counted).</param>
public readonly record struct MediaClockStatistics(long Ticks, long LateTicks, long Resyncs, long SkippedFrames, long SubscriberFaults);
