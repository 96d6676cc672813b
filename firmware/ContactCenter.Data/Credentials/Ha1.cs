using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Data.Credentials;

/// <summary>
/// The one place SIP HA1 digests are computed: <c>H(username ":" realm ":" password)</c> as lowercase hex
/// (RFC 7616 §3.4.2, RFC 2617 §3.2.2.2). The database keeps these, never the password.
/// </summary>
public static class Ha1
{
    /// <summary>HA1 with MD5 (RFC 2617 / RFC 7616 "MD5"): 32 lowercase hex digits.</summary>
    public static string Md5(string user, string realm, string password) =>
        Hex(MD5.HashData, user, realm, password);

    /// <summary>HA1 with SHA-256 (RFC 7616 / RFC 8760 "SHA-256"): 64 lowercase hex digits.</summary>
    public static string Sha256(string user, string realm, string password) =>
        Hex(SHA256.HashData, user, realm, password);

    private static string Hex(Func<byte[], byte[]> hash, string user, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        var input = Encoding.UTF8.GetBytes($"{user}:{realm}:{password}");
        try
        {
            return Convert.ToHexStringLower(hash(input));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }
}
