using System.Buffers.Binary;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// One RFC 4733 §2.3 event block: the 4 bytes of a telephone-event RTP payload (event code, end bit, reserved bit,
/// 6-bit volume, 16-bit duration in RTP timestamp units).
/// </summary>
/// <param name="Code">The event code; 0–15 are the DTMF keys in <see cref="DtmfDigit.Keys"/> order (RFC 4733 §3.2).</param>
/// <param name="End">The E bit: the event has ended (RFC 4733 §2.3).</param>
/// <param name="Volume">The power level as 0 to 63 dB below 0 dBm0 (RFC 4733 §2.3.4).</param>
/// <param name="Duration">The time since the event (or segment) began, in RTP timestamp units.</param>
public readonly record struct TelephoneEvent(byte Code, bool End, byte Volume, ushort Duration)
{
    /// <summary>The size of one event block.</summary>
    public const int Size = 4;

    /// <summary>Whether <see cref="Code"/> is a DTMF key (0–15).</summary>
    public bool IsDtmf => Code < DtmfDigit.Keys.Length;

    /// <summary>
    /// Reads the first event block of <paramref name="payload"/>. Longer payloads carry further blocks only with RFC 2198
    /// redundancy, which this engine does not negotiate, so the first block is the event.
    /// </summary>
    /// <param name="payload">A telephone-event RTP payload.</param>
    /// <param name="value">The event.</param>
    /// <returns>False when the payload is shorter than one block.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes this block (the reserved bit cleared, RFC 4733 §2.3).</summary>
    /// <param name="payload">At least <see cref="Size"/> bytes.</param>
    /// <returns><see cref="Size"/>.</returns>
    public int Write(Span<byte> payload)
    {
        if (payload.Length < Size)
        {
            throw new ArgumentException("A telephone-event block needs 4 bytes.", nameof(payload));
        }

        payload[0] = Code;
        payload[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], Duration);
        return Size;
    }
}
