namespace ContactCenter.Media.Rtcp;

/// <summary>SDES item types (RFC 3550 §6.5, §12.2) the appliance writes or looks for.</summary>
public enum RtcpSourceDescriptionItem
{
    /// <summary>The end of a chunk's item list.</summary>
    End = 0,

    /// <summary>CNAME, the canonical name every compound packet carries (§6.5.1).</summary>
    CanonicalName = 1,
}
