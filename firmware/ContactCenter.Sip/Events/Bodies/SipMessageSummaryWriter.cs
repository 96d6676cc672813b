using System.Buffers;

namespace ContactCenter.Sip.Events.Bodies;

/// <summary>Writes <c>application/simple-message-summary</c> (RFC 3842 §5.2): the message-waiting indication of a mailbox.</summary>
public static class SipMessageSummaryWriter
{
    /// <summary>The media type.</summary>
    public const string ContentType = "application/simple-message-summary";

    /// <summary>
    /// Writes the summary of voice messages: <c>Messages-Waiting</c> is yes while any message is new (§5.2), the
    /// account line names the mailbox when given, and the urgent counts are written only when non-zero.
    /// </summary>
    public static void Write(IBufferWriter<byte> writer, string? account, int newMessages, int oldMessages, int newUrgent = 0, int oldUrgent = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(newMessages);
        ArgumentOutOfRangeException.ThrowIfNegative(oldMessages);
        ArgumentOutOfRangeException.ThrowIfNegative(newUrgent);
        ArgumentOutOfRangeException.ThrowIfNegative(oldUrgent);
        Utf8Text.Raw(writer, newMessages > 0 ? "Messages-Waiting: yes\r\n"u8 : "Messages-Waiting: no\r\n"u8);
        if (account is not null)
        {
            if (account.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new ArgumentException("An account URI is one line.", nameof(account));
            }
            Utf8Text.Raw(writer, "Message-Account: "u8);
            Utf8Text.Plain(writer, account);
            Utf8Text.Raw(writer, "\r\n"u8);
        }
        Utf8Text.Raw(writer, "Voice-Message: "u8);
        Utf8Text.Integer(writer, newMessages);
        Utf8Text.Raw(writer, "/"u8);
        Utf8Text.Integer(writer, oldMessages);
        if (newUrgent > 0 || oldUrgent > 0)
        {
            Utf8Text.Raw(writer, " ("u8);
            Utf8Text.Integer(writer, newUrgent);
            Utf8Text.Raw(writer, "/"u8);
            Utf8Text.Integer(writer, oldUrgent);
            Utf8Text.Raw(writer, ")"u8);
        }
        Utf8Text.Raw(writer, "\r\n"u8);
    }
}
