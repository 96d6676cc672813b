namespace ContactCenter.Media.Sdp;

/// <summary>One <c>&lt;type&gt;=&lt;value&gt;</c> line of an SDP body (RFC 8866 §5), value kept exactly as received.</summary>
/// <param name="Type">The one-letter type (<c>v o s c t m a</c> …).</param>
/// <param name="Value">Everything after the <c>=</c>, without the line ending.</param>
public readonly record struct SdpLine(char Type, string Value)
{
    /// <summary>The line as written, without the line ending.</summary>
    /// <returns><c>type=value</c>.</returns>
    public override string ToString() => $"{Type}={Value}";
}
