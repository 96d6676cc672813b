namespace ContactCenter.Interop.Tests;

/// <summary>The RTP packets one baresip call's audio stream sent and received, as baresip prints them when the call ends.</summary>
/// <param name="Sent">Packets transmitted.</param>
/// <param name="Received">Packets received (every RTP packet of the stream, before the jitter buffer).</param>
public sealed record RtpPacketCounts(int Sent, int Received);
