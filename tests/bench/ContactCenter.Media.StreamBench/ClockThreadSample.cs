namespace ContactCenter.Media.StreamBench;

/// <summary>The media clock thread at the start of one tick.</summary>
/// <param name="Frame">The frame being ticked.</param>
/// <param name="CpuNanoseconds">The thread's CPU time so far (user + system).</param>
/// <param name="AllocatedBytes">The bytes the thread has allocated so far.</param>
internal readonly record struct ClockThreadSample(long Frame, long CpuNanoseconds, long AllocatedBytes);
