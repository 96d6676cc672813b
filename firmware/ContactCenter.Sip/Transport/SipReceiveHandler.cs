namespace ContactCenter.Sip.Transport;

/// <summary>Receives one framed message (a UDP datagram, or one Content-Length-framed message of a TCP stream) on the receive loop. It must not block; the span is only valid during the call.</summary>
/// <param name="message">The message bytes.</param>
/// <param name="peer">Where it came from.</param>
public delegate void SipReceiveHandler(ReadOnlySpan<byte> message, in SipPeer peer);
