using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>The identity of a nonce this server issued: when, and its random part.</summary>
internal readonly record struct SipDigestNonceId(long IssuedMs, ulong Random1, uint Random2);

/// <summary>
/// Stateless nonces: <c>base64url(issued ‖ random ‖ MAC)</c> where issued is the Unix time in milliseconds (8 bytes,
/// big-endian), random is 12 bytes from the CSPRNG and MAC is the first 16 bytes of
/// <c>HMAC-SHA256(key, issued ‖ random ‖ realm)</c>. 36 bytes, 48 characters, no padding; only <c>A–Z a–z 0–9 - _</c>.
/// </summary>
internal static class SipDigestNonce
{
    public const int TextLength = 48;
    private const int TimeLength = 8;
    private const int RandomLength = 12;
    private const int MacLength = 16;
    private const int SignedLength = TimeLength + RandomLength;
    private const int RawLength = SignedLength + MacLength;

    public static string Create(ReadOnlySpan<byte> key, string realm, long issuedMs)
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, issuedMs);
        RandomNumberGenerator.Fill(raw[TimeLength..SignedLength]);
        Mac(key, raw[..SignedLength], realm, raw[SignedLength..]);
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>True when <paramref name="nonce"/> is one this key issued for this realm (the MAC is compared in constant time).</summary>
    public static bool TryValidate(ReadOnlySpan<byte> key, string realm, ReadOnlySpan<char> nonce, out SipDigestNonceId id)
    {
        id = default;
        Span<byte> raw = stackalloc byte[RawLength];
        if (nonce.Length != TextLength
            || Base64Url.DecodeFromChars(nonce, raw, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != TextLength || written != RawLength)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[MacLength];
        Mac(key, raw[..SignedLength], realm, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[SignedLength..]))
        {
            return false;
        }
        id = new SipDigestNonceId(
            BinaryPrimitives.ReadInt64BigEndian(raw),
            BinaryPrimitives.ReadUInt64BigEndian(raw[TimeLength..]),
            BinaryPrimitives.ReadUInt32BigEndian(raw[(TimeLength + 8)..]));
        return true;
    }

    /// <summary>A value derived from the key and realm, sent as <c>opaque</c> so that credentials meant for another server are told apart.</summary>
    public static string Opaque(ReadOnlySpan<byte> key, string realm)
    {
        Span<byte> mac = stackalloc byte[MacLength];
        Mac(key, "opaque"u8, realm, mac);
        return Base64Url.EncodeToString(mac);
    }

    private static void Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> signed, string realm, Span<byte> destination)
    {
        var length = signed.Length + Encoding.UTF8.GetByteCount(realm);
        var input = length <= 256 ? stackalloc byte[length] : new byte[length];
        signed.CopyTo(input);
        Encoding.UTF8.GetBytes(realm, input[signed.Length..]);
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, full);
        full[..destination.Length].CopyTo(destination);
    }
}
