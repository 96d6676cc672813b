namespace ContactCenter.Media.Endpoints;

/// <summary>What <see cref="JitterBuffer.Insert"/> did with a packet.</summary>
public enum JitterBufferInsert
{
    /// <summary>Stored for playout.</summary>
    Accepted,

    /// <summary>Its time has already been played: dropped (and the target delay grows).</summary>
    Late,

    /// <summary>Its frame is already stored: dropped.</summary>
    Duplicate,

    /// <summary>Further ahead of the playout point than the buffer holds: dropped.</summary>
    Overflow,

    /// <summary>Empty payload: nothing to store.</summary>
    Empty,
}
