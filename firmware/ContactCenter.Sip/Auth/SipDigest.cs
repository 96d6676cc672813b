using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The digest computations as SIP uses them (RFC 3261 §22.4, RFC 2617 §3.2.2, RFC 7616 §3.4.1–3.4.3, RFC 8760):
/// <c>HA1 = H(username:realm:password)</c>, for the <c>-sess</c> variants <c>H(HA1:nonce:cnonce)</c>;
/// <c>A2 = method:uri</c> (<c>qop=auth</c> or none) or <c>method:uri:H(body)</c> (<c>auth-int</c>);
/// <c>response = H(HA1:nonce:nc:cnonce:qop:H(A2))</c>, or <c>H(HA1:nonce:H(A2))</c> without qop (RFC 2069).
/// Every digest is written as lowercase hex.
/// </summary>
public static class SipDigest
{
    /// <summary>Length of an MD5 digest in hex.</summary>
    public const int Md5HexLength = 32;

    /// <summary>Length of a SHA-256 digest in hex.</summary>
    public const int Sha256HexLength = 64;

    private const int StackInput = 512;

    /// <summary>True for the algorithms this stack can compute (MD5, MD5-sess, SHA-256, SHA-256-sess).</summary>
    public static bool IsKnown(SipDigestAlgorithm algorithm) =>
        algorithm is SipDigestAlgorithm.Md5 or SipDigestAlgorithm.Md5Sess or SipDigestAlgorithm.Sha256 or SipDigestAlgorithm.Sha256Sess;

    /// <summary>True for the <c>-sess</c> variants, whose HA1 is re-keyed with the nonce and cnonce.</summary>
    public static bool IsSession(SipDigestAlgorithm algorithm) =>
        algorithm is SipDigestAlgorithm.Md5Sess or SipDigestAlgorithm.Sha256Sess;

    /// <summary>The hex length of a digest with that algorithm (32 or 64); 0 for an unknown one.</summary>
    public static int HexLength(SipDigestAlgorithm algorithm) =>
        !IsKnown(algorithm) ? 0 : IsSha256(algorithm) ? Sha256HexLength : Md5HexLength;

    /// <summary>
    /// <c>H(username:realm:password)</c> in lowercase hex: the value a credential store keeps instead of the password.
    /// The <c>-sess</c> variants use the same stored value (their per-nonce re-keying happens in <see cref="Response"/>).
    /// Text is hashed as UTF-8 (RFC 7616 §4; identical to ISO-8859-1 for ASCII user names and passwords).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a known algorithm.</exception>
    public static string Ha1(SipDigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        ThrowIfUnknown(algorithm);
        var input = new SipDigestInput(stackalloc byte[StackInput]);
        try
        {
            input.Append(username);
            input.AppendColon();
            input.Append(realm);
            input.AppendColon();
            input.Append(password);
            Span<byte> hex = stackalloc byte[Sha256HexLength];
            var length = input.HashToHex(algorithm, hex);
            return Encoding.ASCII.GetString(hex[..length]);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>
    /// The request-digest (the <c>response</c> parameter) in lowercase hex. <paramref name="ha1"/> is the stored
    /// <c>H(username:realm:password)</c>, also for the <c>-sess</c> variants. With <paramref name="qop"/> null this is the
    /// RFC 2069 form and <paramref name="nonceCount"/> and <paramref name="cnonce"/> are ignored; <paramref name="body"/>
    /// counts only for <c>auth-int</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown algorithm or qop, or qop (or a <c>-sess</c> algorithm) without nonce count and cnonce.</exception>
    public static string Response(SipDigestAlgorithm algorithm, string ha1, string nonce, uint? nonceCount, string? cnonce, string? qop,
        string method, string uri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ThrowIfUnknown(algorithm);
        Span<byte> hex = stackalloc byte[Sha256HexLength];
        var length = TryComputeResponse(algorithm, ha1, nonce, nonceCount, cnonce, qop, method, uri, body, hex);
        return length > 0
            ? Encoding.ASCII.GetString(hex[..length])
            : throw new ArgumentException("qop must be auth or auth-int, and qop or a -sess algorithm needs a nonce count and a cnonce.", nameof(qop));
    }

    /// <summary>Computes the request-digest into <paramref name="hex"/> (64 bytes); returns its length, or 0 when the inputs do not make a digest.</summary>
    internal static int TryComputeResponse(SipDigestAlgorithm algorithm, ReadOnlySpan<char> ha1, ReadOnlySpan<char> nonce, uint? nonceCount,
        ReadOnlySpan<char> cnonce, string? qop, ReadOnlySpan<char> method, ReadOnlySpan<char> uri, ReadOnlySpan<byte> body, Span<byte> hex)
    {
        var authInt = false;
        if (qop is not null)
        {
            authInt = Ascii.EqualsIgnoreCase(qop, "auth-int");
            if ((!authInt && !Ascii.EqualsIgnoreCase(qop, "auth")) || nonceCount is null || cnonce.IsEmpty)
            {
                return 0;
            }
        }
        if (!IsKnown(algorithm) || (IsSession(algorithm) && cnonce.IsEmpty))
        {
            return 0;
        }
        Span<byte> ha1Hex = stackalloc byte[Sha256HexLength];
        Span<byte> ha2Hex = stackalloc byte[Sha256HexLength];
        var input = new SipDigestInput(stackalloc byte[StackInput]);
        try
        {
            int ha1Length;
            if (IsSession(algorithm))
            {
                input.AppendHexLower(ha1);
                input.AppendColon();
                input.Append(nonce);
                input.AppendColon();
                input.Append(cnonce);
                ha1Length = input.HashToHex(algorithm, ha1Hex);
                input.Clear();
            }
            else
            {
                ha1Length = -1;
            }

            input.Append(method);
            input.AppendColon();
            input.Append(uri);
            if (authInt)
            {
                input.AppendColon();
                var bodyLength = HashToHex(algorithm, body, ha2Hex);
                input.AppendAscii(ha2Hex[..bodyLength]);
            }
            var ha2Length = input.HashToHex(algorithm, ha2Hex);
            input.Clear();

            if (ha1Length < 0)
            {
                input.AppendHexLower(ha1);
            }
            else
            {
                input.AppendAscii(ha1Hex[..ha1Length]);
            }
            input.AppendColon();
            input.Append(nonce);
            input.AppendColon();
            if (qop is not null)
            {
                input.AppendHex8(nonceCount!.Value);
                input.AppendColon();
                input.Append(cnonce);
                input.AppendColon();
                input.Append(authInt ? "auth-int" : "auth");
                input.AppendColon();
            }
            input.AppendAscii(ha2Hex[..ha2Length]);
            return input.HashToHex(algorithm, hex);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>Hashes <paramref name="data"/> with the base hash of <paramref name="algorithm"/> into lowercase hex; returns its length.</summary>
    internal static int HashToHex(SipDigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<byte> hex)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
#pragma warning disable CA5351 // MD5 is the digest algorithm RFC 2617 / RFC 3261 mandate; every deployed phone speaks it.
        var length = IsSha256(algorithm) ? SHA256.HashData(data, hash) : MD5.HashData(data, hash);
#pragma warning restore CA5351
        for (var i = 0; i < length; i++)
        {
            hex[2 * i] = HexDigit(hash[i] >> 4);
            hex[(2 * i) + 1] = HexDigit(hash[i] & 0xF);
        }
        return 2 * length;
    }

    internal static bool IsSha256(SipDigestAlgorithm algorithm) =>
        algorithm is SipDigestAlgorithm.Sha256 or SipDigestAlgorithm.Sha256Sess;

    internal static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

    private static void ThrowIfUnknown(SipDigestAlgorithm algorithm)
    {
        if (!IsKnown(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a digest algorithm this stack computes.");
        }
    }
}
