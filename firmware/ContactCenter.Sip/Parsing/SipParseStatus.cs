namespace ContactCenter.Sip.Parsing;

/// <summary>What the parser made of a message.</summary>
public enum SipParseStatus
{
    /// <summary>A well-formed message.</summary>
    Ok,
    /// <summary>The start line and headers were read but the message breaks a rule; a request gets the response in <see cref="SipParseResult.StatusCode"/>.</summary>
    Invalid,
    /// <summary>Not a SIP message at all (no start line, binary garbage): nothing can be answered; drop it.</summary>
    Unreadable,
    /// <summary>Over a configured limit (size, header count, line length, Via depth): refused before any copying.</summary>
    TooLarge,
}
