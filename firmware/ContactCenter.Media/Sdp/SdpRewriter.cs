using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Rewrites a peer's SDP so that the other peer sends its media to the appliance (anchored media).
/// </summary>
/// <remarks>
/// What changes, in place and in order:
/// <list type="bullet">
/// <item><c>o=</c>: replaced by the leg's own <see cref="SdpOrigin"/> (version bumped only when the content changed).</item>
/// <item><c>c=</c> at session level and in every media description: our address. An unspecified address
/// (<c>0.0.0.0</c>, <c>::</c>; RFC 2543-style hold) is kept, so the hold reaches the other peer as it was expressed.</item>
/// <item>The first <c>m=audio</c>: our RTP port (a <c>/count</c> suffix is dropped: one pair is anchored). Port 0
/// (a rejected stream) stays 0.</item>
/// <item><c>a=rtcp:</c> in that description (RFC 3605): our RTCP port, and our address when it had one. Added when our
/// RTCP port is not RTP + 1 and there was none.</item>
/// <item>Every other <c>m=</c> line (video, a second audio, T.38 image…): port 0. The relay anchors one audio stream,
/// and an unanchored stream would carry the peers' addresses past the appliance; keeping the line with port 0 keeps
/// the m-line count and order that RFC 3264 §6 requires of an answer.</item>
/// </list>
/// Everything else (<c>s= t=</c>, payload lists, <c>a=rtpmap</c>, <c>a=fmtp</c>, telephone-event, <c>a=ptime</c>,
/// direction attributes, <c>a=crypto</c>, <c>a=rtcp-mux</c>) is copied byte for byte: the relay passes every payload.
/// </remarks>
public static class SdpRewriter
{
    /// <summary>Rewrites <paramref name="peerSdp"/> for sending on the leg that <paramref name="anchor"/> and <paramref name="origin"/> belong to.</summary>
    /// <param name="peerSdp">The SDP received from the other peer.</param>
    /// <param name="anchor">Our address and ports for the leg the SDP is sent on.</param>
    /// <param name="origin">The leg's origin; its version moves when the result differs from the last one sent.</param>
    /// <returns>The SDP to send, CRLF line endings.</returns>
    public static string Rewrite(SdpMessage peerSdp, SdpAnchor anchor, SdpOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(peerSdp);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(anchor.Address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(anchor.RtpPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(anchor.RtpPort, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(anchor.RtcpPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(anchor.RtcpPort, IPEndPoint.MaxPort);

        var lines = peerSdp.Lines;
        var output = new List<SdpLine>(lines.Count + 1);
        string addressType = anchor.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        string connection = $"IN {addressType} {anchor.Address}";
        int anchored = peerSdp.AnchoredMediaIndex;
        int originIndex = -1;

        for (int i = 0; i < peerSdp.SessionEnd; i++)
        {
            var line = lines[i];
            if (line.Type == 'o')
            {
                originIndex = output.Count;
            }

            output.Add(line.Type == 'c' ? RewriteConnection(line, connection) : line);
        }

        for (int media = 0; media < peerSdp.MediaCount; media++)
        {
            var (start, end) = peerSdp.MediaRange(media);
            bool isAnchored = media == anchored;
            if (!SdpGrammar.TryParseMedia(lines[start].Value, out var mediaType, out int port, out var rest))
            {
                // Unreachable: TryParse validated every m= line. Copy the section unchanged rather than guess.
                for (int i = start; i < end; i++)
                {
                    output.Add(lines[i]);
                }

                continue;
            }

            int newPort = port == 0 ? 0 : isAnchored ? anchor.RtpPort : 0;
            output.Add(new SdpLine('m', string.Create(CultureInfo.InvariantCulture, $"{mediaType} {newPort} {rest}")));
            bool sawRtcp = false;
            for (int i = start + 1; i < end; i++)
            {
                var line = lines[i];
                if (line.Type == 'c')
                {
                    output.Add(RewriteConnection(line, connection));
                }
                else if (isAnchored && line.Type == 'a' && line.Value.StartsWith("rtcp:", StringComparison.Ordinal))
                {
                    sawRtcp = true;
                    output.Add(RewriteRtcp(line, anchor, connection));
                }
                else
                {
                    output.Add(line);
                }
            }

            if (isAnchored && newPort != 0 && !sawRtcp && anchor.RtcpPort != anchor.RtpPort + 1)
            {
                output.Add(new SdpLine('a', string.Create(CultureInfo.InvariantCulture, $"rtcp:{anchor.RtcpPort} {connection}")));
            }
        }

        var body = new StringBuilder();
        for (int i = 0; i < output.Count; i++)
        {
            if (i != originIndex)
            {
                Append(body, output[i]);
            }
        }

        string originValue = origin.Stamp(body.ToString());
        body.Clear();
        for (int i = 0; i < output.Count; i++)
        {
            Append(body, i == originIndex ? new SdpLine('o', originValue) : output[i]);
        }

        return body.ToString();
    }

    private static SdpLine RewriteConnection(SdpLine line, string connection)
    {
        bool hold = SdpGrammar.TryParseConnection(line.Value, out _, out var address)
            && IPAddress.TryParse(address, out var ip) && SdpGrammar.IsHoldAddress(ip);
        return hold ? line : new SdpLine('c', connection);
    }

    private static SdpLine RewriteRtcp(SdpLine line, SdpAnchor anchor, string connection)
    {
        var value = line.Value["rtcp:".Length..];
        bool withAddress = value.Contains(' ', StringComparison.Ordinal);
        return new SdpLine('a', withAddress
            ? string.Create(CultureInfo.InvariantCulture, $"rtcp:{anchor.RtcpPort} {connection}")
            : string.Create(CultureInfo.InvariantCulture, $"rtcp:{anchor.RtcpPort}"));
    }

    private static void Append(StringBuilder body, SdpLine line) => body.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
}
