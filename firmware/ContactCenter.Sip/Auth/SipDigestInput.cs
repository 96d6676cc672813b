using System.Buffers;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Collects the UTF-8 bytes of a digest input (<c>a:b:c</c>) in a caller-provided span, growing into a pooled
/// array only for unusually long values, and hashes it to lowercase hex. Dispose to return the pooled array.
/// </summary>
internal ref struct SipDigestInput
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public SipDigestInput(Span<byte> initial)
    {
        _buffer = initial;
        _rented = null;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Append(scoped ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer[_length..]);
    }

    public void AppendAscii(scoped ReadOnlySpan<byte> ascii)
    {
        Ensure(ascii.Length);
        ascii.CopyTo(_buffer[_length..]);
        _length += ascii.Length;
    }

    // HA1 values come from storage; hex digits are compared lowercase (RFC 7616 §3.4.1: LHEX), so fold A-F.
    public void AppendHexLower(scoped ReadOnlySpan<char> hex)
    {
        var start = _length;
        Append(hex);
        foreach (ref var b in _buffer[start.._length])
        {
            if (b is >= (byte)'A' and <= (byte)'F')
            {
                b += 'a' - 'A';
            }
        }
    }

    public void AppendColon()
    {
        Ensure(1);
        _buffer[_length++] = (byte)':';
    }

    public void AppendHex8(uint value)
    {
        Ensure(8);
        for (var i = 7; i >= 0; i--)
        {
            _buffer[_length++] = SipDigest.HexDigit((int)(value >> (i * 4)) & 0xF);
        }
    }

    public void Clear() => _length = 0;

    /// <summary>Hashes what was written with the base hash of <paramref name="algorithm"/>; writes lowercase hex; returns its length.</summary>
    public readonly int HashToHex(SipDigestAlgorithm algorithm, Span<byte> hex) => SipDigest.HashToHex(algorithm, Written, hex);

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer[.._length].CopyTo(bigger);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }
        _rented = bigger;
        _buffer = bigger;
    }
}
