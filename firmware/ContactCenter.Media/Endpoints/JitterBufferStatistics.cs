namespace ContactCenter.Media.Endpoints;

/// <summary>Counters of one <see cref="JitterBuffer"/>.</summary>
/// <param name="Accepted">Packets stored.</param>
/// <param name="Played">Frames popped with their payload.</param>
/// <param name="Lost">Frames popped missing while later packets were buffered (loss or reordering beyond the delay).</param>
/// <param name="Underruns">Frames popped missing with nothing buffered after them (the stream paused or dried up).</param>
/// <param name="Late">Packets dropped because their time had been played.</param>
/// <param name="Duplicates">Packets dropped because their frame was already stored.</param>
/// <param name="Overflows">Packets dropped because they were too far ahead.</param>
/// <param name="Resets">Restarts on a new SSRC or a timestamp jump.</param>
/// <param name="Stretched">Missing frames inserted to grow the delay.</param>
/// <param name="Dropped">Frames discarded to shrink the delay.</param>
/// <param name="DelayFrames">The current playout delay, in 20 ms frames (1–6).</param>
public readonly record struct JitterBufferStatistics(
    long Accepted,
    long Played,
    long Lost,
    long Underruns,
    long Late,
    long Duplicates,
    long Overflows,
    long Resets,
    long Stretched,
    long Dropped,
    int DelayFrames);
