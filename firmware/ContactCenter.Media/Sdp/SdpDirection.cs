namespace ContactCenter.Media.Sdp;

/// <summary>The direction attribute of a media stream (RFC 3264 §5.1, RFC 8866 §6.7), from the sender's point of view.</summary>
public enum SdpDirection
{
    /// <summary><c>a=sendrecv</c>, also the default when none is given.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>: the usual way a phone puts the call on hold.</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: no media either way.</summary>
    Inactive,
}
