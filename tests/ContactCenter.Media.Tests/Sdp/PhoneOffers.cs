namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Offers as real phones and softphones send them (addresses changed to documentation ranges).</summary>
internal static class PhoneOffers
{
    public const string Yealink =
        "v=0\r\n" +
        "o=- 20024 20024 IN IP4 192.0.2.50\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 192.0.2.50\r\n" +
        "t=0 0\r\n" +
        "m=audio 11782 RTP/AVP 0 8 18 9 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:18 G729/8000\r\n" +
        "a=fmtp:18 annexb=no\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public const string Grandstream =
        "v=0\r\n" +
        "o=1001 8000 8000 IN IP4 192.0.2.51\r\n" +
        "s=SIP Call\r\n" +
        "c=IN IP4 192.0.2.51\r\n" +
        "t=0 0\r\n" +
        "m=audio 5004 RTP/AVP 18 8 0 101\r\n" +
        "a=sendrecv\r\n" +
        "a=rtpmap:18 G729/8000\r\n" +
        "a=fmtp:18 annexb=no\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=ptime:20\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n";

    public const string Snom =
        "v=0\r\n" +
        "o=root 1094052875 1094052875 IN IP4 192.0.2.52\r\n" +
        "s=call\r\n" +
        "c=IN IP4 192.0.2.52\r\n" +
        "t=0 0\r\n" +
        "m=audio 64450 RTP/AVP 3 99 0 8 18 101\r\n" +
        "a=rtpmap:3 gsm/8000\r\n" +
        "a=rtpmap:99 G726-32/8000\r\n" +
        "a=rtpmap:0 pcmu/8000\r\n" +
        "a=rtpmap:8 pcma/8000\r\n" +
        "a=rtpmap:18 g729/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:40\r\n" +
        "a=encryption:optional\r\n" +
        "a=sendrecv\r\n";

    public const string Baresip =
        "v=0\r\n" +
        "o=- 1589553717 2043276342 IN IP4 198.51.100.7\r\n" +
        "s=-\r\n" +
        "c=IN IP4 198.51.100.7\r\n" +
        "t=0 0\r\n" +
        "m=audio 10010 RTP/AVP 96 8 0 101\r\n" +
        "b=AS:96\r\n" +
        "a=rtpmap:96 opus/48000/2\r\n" +
        "a=fmtp:96 stereo=1;sprop-stereo=1\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n" +
        "a=label:1\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=ssrc:3413829340 cname:a8e4b1c2-0f1e\r\n" +
        "a=ice-ufrag:Vd3S\r\n" +
        "a=ice-pwd:9a8b7c6d5e4f3a2b1c0d9e8f\r\n" +
        "a=candidate:1 1 UDP 2113932031 198.51.100.7 10010 typ host\r\n" +
        "a=candidate:1 2 UDP 2113932030 198.51.100.7 10011 typ host\r\n" +
        "a=rtcp-mux\r\n";

    public const string LinphoneWithVideo =
        "v=0\r\n" +
        "o=bob 3290 1573 IN IP4 192.0.2.60\r\n" +
        "s=Talk\r\n" +
        "c=IN IP4 192.0.2.60\r\n" +
        "t=0 0\r\n" +
        "a=ice-pwd:31ec21eb38b2ec6d36e8dc7b\r\n" +
        "a=ice-ufrag:0ff6bd73\r\n" +
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n" +
        "m=audio 7078 RTP/AVP 96 97 98 0 8 101 99 100\r\n" +
        "a=rtpmap:96 opus/48000/2\r\n" +
        "a=fmtp:96 useinbandfec=1\r\n" +
        "a=rtpmap:97 SILK/16000\r\n" +
        "a=rtpmap:98 speex/16000\r\n" +
        "a=fmtp:98 vbr=on\r\n" +
        "a=rtpmap:101 telephone-event/48000\r\n" +
        "a=rtpmap:99 telephone-event/16000\r\n" +
        "a=rtpmap:100 telephone-event/8000\r\n" +
        "a=rtcp:7079\r\n" +
        "a=candidate:1 1 UDP 2130706431 192.0.2.60 7078 typ host\r\n" +
        "a=candidate:1 2 UDP 2130706430 192.0.2.60 7079 typ host\r\n" +
        "a=rtcp-fb:* trr-int 1000\r\n" +
        "a=rtcp-fb:* ccm tmmbr\r\n" +
        "m=video 9078 RTP/AVP 96 97\r\n" +
        "a=rtpmap:96 VP8/90000\r\n" +
        "a=rtpmap:97 H264/90000\r\n" +
        "a=fmtp:97 profile-level-id=42801F\r\n" +
        "a=rtcp-fb:* ccm fir\r\n";

    /// <summary>A minimal offer: session c=, one audio stream with the given m= tail and attribute lines.</summary>
    public static string Audio(string formats, params string[] attributes) =>
        "v=0\r\no=- 7 7 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n" +
        $"m=audio 4000 RTP/AVP {formats}\r\n" + string.Concat(attributes.Select(a => $"a={a}\r\n"));
}
