using System.Buffers;

namespace ContactCenter.Sip.Events.Bodies;

/// <summary>
/// Writes <c>application/pidf+xml</c> (RFC 3863) with one tuple: basic status open or closed and an optional note
/// (RFC 3863 §4.1.6), which is how a busy lamp field learns "Do not disturb" or "Away" without extensions.
/// </summary>
public static class SipPidfWriter
{
    /// <summary>The media type.</summary>
    public const string ContentType = "application/pidf+xml";

    /// <summary>Writes the document.</summary>
    /// <param name="writer">Where the UTF-8 document goes.</param>
    /// <param name="entity">The presentity URI (RFC 3863 §4.1.1: a pres: URI, or the sip: AOR as RFC 3856 phones send).</param>
    /// <param name="tupleId">The tuple id: stable across NOTIFYs (an XML ID: starts with a letter).</param>
    /// <param name="open">True for <c>open</c> (reachable), false for <c>closed</c>.</param>
    /// <param name="note">A human-readable note, or null.</param>
    /// <param name="contact">The tuple's contact URI, or null.</param>
    public static void Write(IBufferWriter<byte> writer, string entity, string tupleId, bool open, string? note, string? contact = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(tupleId);
        Utf8Text.Raw(writer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\""u8);
        Utf8Text.Escaped(writer, entity, attribute: true);
        Utf8Text.Raw(writer, "\">\n<tuple id=\""u8);
        Utf8Text.Escaped(writer, tupleId, attribute: true);
        Utf8Text.Raw(writer, open ? "\">\n<status><basic>open</basic></status>\n"u8 : "\">\n<status><basic>closed</basic></status>\n"u8);
        // §4.1.2 order inside a tuple: status, extensions, contact, note, timestamp.
        if (contact is not null)
        {
            Utf8Text.Raw(writer, "<contact>"u8);
            Utf8Text.Escaped(writer, contact, attribute: false);
            Utf8Text.Raw(writer, "</contact>\n"u8);
        }
        if (note is not null)
        {
            Utf8Text.Raw(writer, "<note>"u8);
            Utf8Text.Escaped(writer, note, attribute: false);
            Utf8Text.Raw(writer, "</note>\n"u8);
        }
        Utf8Text.Raw(writer, "</tuple>\n</presence>\n"u8);
    }
}
