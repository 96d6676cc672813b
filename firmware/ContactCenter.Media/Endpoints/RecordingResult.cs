namespace ContactCenter.Media.Endpoints;

/// <summary>How a recording ended and what the file holds.</summary>
/// <param name="Reason">Why it ended.</param>
/// <param name="Duration">The audio in the file, after trailing silence was trimmed.</param>
/// <param name="DroppedFrames">Frames lost because the disk fell more than the writer's buffer behind (normally 0).</param>
/// <param name="Error">The I/O failure when <paramref name="Reason"/> is <see cref="RecordingEndReason.Failed"/>.</param>
public readonly record struct RecordingResult(RecordingEndReason Reason, TimeSpan Duration, long DroppedFrames, Exception? Error);
