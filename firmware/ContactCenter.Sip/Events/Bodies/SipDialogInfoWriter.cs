using System.Buffers;

namespace ContactCenter.Sip.Events.Bodies;

/// <summary>
/// Writes <c>application/dialog-info+xml</c> (RFC 4235 §4) as a full-state document: every NOTIFY carries all
/// current dialogs of the entity, so a phone that missed one NOTIFY is right again at the next.
/// </summary>
public static class SipDialogInfoWriter
{
    /// <summary>The media type.</summary>
    public const string ContentType = "application/dialog-info+xml";

    /// <summary>
    /// Writes the document for <paramref name="entity"/> (the watched AOR) with <paramref name="version"/>: RFC 4235
    /// §4.1 starts it at 0 for each subscription and adds one for every NOTIFY (<see cref="SipSubscription.Version"/>).
    /// </summary>
    public static void Write(IBufferWriter<byte> writer, string entity, long version, IReadOnlyList<SipDialogInfoEntry> dialogs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        Utf8Text.Raw(writer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\""u8);
        Utf8Text.Integer(writer, version);
        Utf8Text.Raw(writer, "\" state=\"full\" entity=\""u8);
        Utf8Text.Escaped(writer, entity, attribute: true);
        Utf8Text.Raw(writer, "\">\n"u8);
        foreach (var dialog in dialogs)
        {
            WriteDialog(writer, dialog);
        }
        Utf8Text.Raw(writer, "</dialog-info>\n"u8);
    }

    private static void WriteDialog(IBufferWriter<byte> writer, SipDialogInfoEntry dialog)
    {
        Utf8Text.Raw(writer, "<dialog id=\""u8);
        Utf8Text.Escaped(writer, dialog.Id, attribute: true);
        Utf8Text.Raw(writer, "\""u8);
        // §4.1.1: call-id and the tags identify the SIP dialog; they are written together or not at all.
        if (dialog.CallId is { } callId)
        {
            Attribute(writer, " call-id=\""u8, callId);
            Attribute(writer, " local-tag=\""u8, dialog.LocalTag);
            Attribute(writer, " remote-tag=\""u8, dialog.RemoteTag);
        }
        Utf8Text.Raw(writer, dialog.Direction switch
        {
            SipDialogDirection.Initiator => " direction=\"initiator\""u8,
            SipDialogDirection.Recipient => " direction=\"recipient\""u8,
            _ => [],
        });
        Utf8Text.Raw(writer, ">\n<state"u8);
        Attribute(writer, " event=\""u8, dialog.StateEvent);
        Utf8Text.Raw(writer, ">"u8);
        Utf8Text.Raw(writer, dialog.State switch
        {
            SipDialogInfoState.Trying => "trying"u8,
            SipDialogInfoState.Proceeding => "proceeding"u8,
            SipDialogInfoState.Early => "early"u8,
            SipDialogInfoState.Confirmed => "confirmed"u8,
            _ => "terminated"u8,
        });
        Utf8Text.Raw(writer, "</state>\n"u8);
        // §4.1.6 schema order: state, duration, replaces, referred-by, route-set, local, remote.
        Participant(writer, "local"u8, dialog.LocalIdentity, dialog.LocalDisplay, dialog.LocalTarget);
        Participant(writer, "remote"u8, dialog.RemoteIdentity, dialog.RemoteDisplay, dialog.RemoteTarget);
        Utf8Text.Raw(writer, "</dialog>\n"u8);
    }

    private static void Participant(IBufferWriter<byte> writer, ReadOnlySpan<byte> name, string? identity, string? display, string? target)
    {
        if (identity is null && target is null)
        {
            return;
        }
        Tag(writer, name, closing: false);
        if (identity is not null)
        {
            Utf8Text.Raw(writer, "<identity"u8);
            Attribute(writer, " display=\""u8, display);
            Utf8Text.Raw(writer, ">"u8);
            Utf8Text.Escaped(writer, identity, attribute: false);
            Utf8Text.Raw(writer, "</identity>\n"u8);
        }
        if (target is not null)
        {
            Attribute(writer, "<target uri=\""u8, target);
            Utf8Text.Raw(writer, "/>\n"u8);
        }
        Tag(writer, name, closing: true);
    }

    private static void Tag(IBufferWriter<byte> writer, ReadOnlySpan<byte> name, bool closing)
    {
        Utf8Text.Raw(writer, closing ? "</"u8 : "<"u8);
        Utf8Text.Raw(writer, name);
        Utf8Text.Raw(writer, ">\n"u8);
    }

    // Writes the opening (name and quote) and the escaped value with its closing quote; nothing for a null value.
    private static void Attribute(IBufferWriter<byte> writer, ReadOnlySpan<byte> opening, string? value)
    {
        if (value is null)
        {
            return;
        }
        Utf8Text.Raw(writer, opening);
        Utf8Text.Escaped(writer, value, attribute: true);
        Utf8Text.Raw(writer, "\""u8);
    }
}
