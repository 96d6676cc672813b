namespace ContactCenter.Media.Clock;

/// <summary>
/// The order in which one tick visits its subscribers, so that a frame received in a tick can be mixed and sent in the
/// same tick: every <see cref="Receive"/> subscriber runs before every <see cref="Mix"/> one, and those before
/// <see cref="Send"/>.
/// </summary>
public enum MediaClockPhase
{
    /// <summary>Endpoints take one frame from their jitter buffer, decode it and hand it to their sink and detectors.</summary>
    Receive,

    /// <summary>Shared producers advance by one frame: mixers, music on hold.</summary>
    Mix,

    /// <summary>Endpoints read one frame from their source, encode it and send it.</summary>
    Send,
}
