namespace ContactCenter.Media.Sdp;

/// <summary>One <c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</c> (RFC 8866 §6.6).</summary>
/// <param name="EncodingName">The encoding name as written.</param>
/// <param name="ClockRate">The RTP clock rate.</param>
/// <param name="Channels">The channel count (1 when absent).</param>
internal readonly record struct SdpRtpMap(string EncodingName, int ClockRate, int Channels);
