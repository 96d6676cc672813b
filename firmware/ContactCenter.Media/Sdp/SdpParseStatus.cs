namespace ContactCenter.Media.Sdp;

/// <summary>Why an SDP body was refused. Malformed SDP is a normal event (STYLE.md §1), reported as a value.</summary>
public enum SdpParseStatus
{
    /// <summary>Parsed.</summary>
    Ok,

    /// <summary>No lines at all.</summary>
    Empty,

    /// <summary>Longer than <see cref="SdpMessage.MaxLength"/> or more lines than <see cref="SdpMessage.MaxLines"/>.</summary>
    TooLarge,

    /// <summary>The first line is not <c>v=0</c>.</summary>
    BadVersion,

    /// <summary>A line is not <c>&lt;lowercase letter&gt;=&lt;value&gt;</c>, or holds a control character.</summary>
    MalformedLine,

    /// <summary>No <c>o=</c> line before the first <c>m=</c>, more than one, or not six fields with numeric id and version.</summary>
    BadOrigin,

    /// <summary>A <c>c=</c> line is not <c>IN IP4|IP6 &lt;address&gt;</c>.</summary>
    BadConnection,

    /// <summary>An <c>m=</c> line is not <c>&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt;…</c>.</summary>
    BadMedia,

    /// <summary>A media description has no connection address, neither its own nor a session-level one.</summary>
    MissingConnection,
}
