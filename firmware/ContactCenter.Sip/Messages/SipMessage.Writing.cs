using System.Buffers;
using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

// Serialisation: the message as received, with folded lines written as one line (RFC 3261 §7.3.1
// makes the two equivalent), so parse → write → parse gives an equal message.
public sealed partial class SipMessage
{
    /// <summary>Writes the message to <paramref name="writer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ThrowIfDisposed();
        if (IsRequest)
        {
            // The method token as received: the start line opens the buffer, the Request-URI follows one SP after it.
            writer.Write(_buffer.AsSpan(0, _start.UriStart - 1));
            writer.Write(" "u8);
            writer.Write(_buffer.AsSpan(_start.UriStart, _start.UriLength));
            writer.Write(" SIP/2.0\r\n"u8);
        }
        else
        {
            writer.Write("SIP/2.0 "u8);
            Span<byte> code = stackalloc byte[3];
            _start.StatusCode.TryFormat(code, out _, default, CultureInfo.InvariantCulture);
            writer.Write(code);
            writer.Write(" "u8);
            writer.Write(_buffer.AsSpan(_start.ReasonStart, _start.ReasonLength));
            writer.Write("\r\n"u8);
        }
        for (var i = 0; i < _headerCount; i++)
        {
            ref readonly var entry = ref _headers[i];
            writer.Write(_buffer.AsSpan(entry.NameStart, entry.NameLength));
            writer.Write(": "u8);
            if (entry.Folded)
            {
                writer.Write(Encoding.UTF8.GetBytes(GetValue(i)));
            }
            else
            {
                writer.Write(_buffer.AsSpan(entry.ValueStart, entry.ValueLength));
            }
            writer.Write("\r\n"u8);
        }
        writer.Write("\r\n"u8);
        writer.Write(_buffer.AsSpan(_bodyStart, _bodyLength));
    }

    /// <summary>The message as bytes.</summary>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(_length + 16);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The message as text, for traces and tests.</summary>
    public override string ToString() => _disposed ? "(disposed SipMessage)" : Encoding.UTF8.GetString(ToArray());
}
