namespace ContactCenter.Media.Endpoints;

/// <summary>What <see cref="JitterBuffer.Pop"/> produced for one tick.</summary>
public enum JitterBufferFrame
{
    /// <summary>Nothing received yet (or the buffer is filling after a reset): play silence, there is nothing to conceal.</summary>
    Idle,

    /// <summary>The frame's payload was copied out: decode it.</summary>
    Payload,

    /// <summary>The frame is missing (lost, late, or held back while the delay grows): conceal it.</summary>
    Missing,
}
