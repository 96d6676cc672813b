namespace ContactCenter.Sip.Transport;

/// <summary>The outcome of <see cref="SipStreamFramer.TryReadFrame"/> on a stream buffer.</summary>
public enum SipFrameStatus
{
    /// <summary>No complete frame yet; nothing was consumed. Read more data and try again.</summary>
    NeedMoreData,
    /// <summary>One complete message (start line, headers and Content-Length body) was framed and consumed.</summary>
    Message,
    /// <summary>A double-CRLF keep-alive ping (RFC 5626 §3.5.1) was consumed; answer it with a single CRLF pong.</summary>
    KeepAlivePing,
    /// <summary>The header section ended without a Content-Length, which is mandatory on streams (RFC 3261 §18.3, §20.14). The stream cannot be re-synchronised: close it.</summary>
    MissingContentLength,
    /// <summary>Content-Length is negative, not a number, or repeated with different values. Close the stream.</summary>
    InvalidContentLength,
    /// <summary>The header section or the declared message size exceeds the limit. Close the stream.</summary>
    MessageTooLarge,
}
