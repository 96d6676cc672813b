using System.Globalization;
using System.Text;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// Netstring framing (<c>LENGTH:PAYLOAD,</c>, length in decimal bytes), as baresip's <c>ctrl_tcp</c> module frames its
/// JSON. An instance decodes a byte stream that arrives in arbitrary pieces.
/// </summary>
public sealed class Netstring
{
    // ctrl_tcp answers "help" with under 2 KB and events are a few hundred bytes; anything near this is a broken stream.
    private const int MaximumLength = 1 << 20;

    private byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>Frames <paramref name="payload"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var header = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":");
        var frame = new byte[header.Length + payload.Length + 1];
        header.CopyTo(frame, 0);
        payload.CopyTo(frame.AsSpan(header.Length));
        frame[^1] = (byte)',';
        return frame;
    }

    /// <summary>Adds received bytes; returns the payloads they complete, in order.</summary>
    /// <exception cref="InvalidDataException">The stream is not netstrings.</exception>
    public IReadOnlyList<byte[]> Feed(ReadOnlySpan<byte> received)
    {
        if (_length + received.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + received.Length));
        }

        received.CopyTo(_buffer.AsSpan(_length));
        _length += received.Length;

        var payloads = new List<byte[]>();
        var start = 0;
        while (TryTake(_buffer.AsSpan(start, _length - start), out var payload, out var consumed))
        {
            payloads.Add(payload);
            start += consumed;
        }

        _buffer.AsSpan(start, _length - start).CopyTo(_buffer);
        _length -= start;
        return payloads;
    }

    private static bool TryTake(ReadOnlySpan<byte> data, out byte[] payload, out int consumed)
    {
        payload = [];
        consumed = 0;
        var colon = data.IndexOf((byte)':');
        if (colon < 0)
        {
            return data.Length <= 10 && data.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                ? false
                : throw new InvalidDataException($"not a netstring length: '{Encoding.ASCII.GetString(data[..Math.Min(data.Length, 20)])}'");
        }

        if (colon == 0 || colon > 10 || data[..colon].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || !int.TryParse(data[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaximumLength)
        {
            throw new InvalidDataException($"not a netstring length: '{Encoding.ASCII.GetString(data[..colon])}'");
        }

        if (data.Length < colon + 1 + length + 1)
        {
            return false;
        }

        if (data[colon + 1 + length] != (byte)',')
        {
            throw new InvalidDataException("netstring without its closing comma");
        }

        payload = data.Slice(colon + 1, length).ToArray();
        consumed = colon + 1 + length + 1;
        return true;
    }
}
