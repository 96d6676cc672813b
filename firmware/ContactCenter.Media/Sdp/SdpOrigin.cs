using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The <c>o=</c> line the appliance presents on one leg (RFC 8866 §5.2): a B2BUA is the session's originator towards
/// each peer, so each leg keeps its own session id, and its version goes up by one each time the SDP sent on that leg
/// changes and stays put when the same SDP is sent again (RFC 3264 §8). Owned by the call's actor; not thread-safe.
/// </summary>
public sealed class SdpOrigin
{
    private string? _lastContent;

    /// <summary>Creates an origin with a random session id.</summary>
    /// <param name="address">The appliance's advertised address for this leg.</param>
    /// <param name="username">The <c>o=</c> username; <c>-</c> when there is no user concept (RFC 8866 §5.2).</param>
    public SdpOrigin(IPAddress address, string username = "-")
        : this(address, RandomSessionId(), username)
    {
    }

    /// <summary>Creates an origin with a given session id (tests, or a restart that must keep it).</summary>
    /// <param name="address">The appliance's advertised address for this leg.</param>
    /// <param name="sessionId">The session id; also the first version, as RFC 3264 §5 suggests an NTP-like value.</param>
    /// <param name="username">The <c>o=</c> username.</param>
    public SdpOrigin(IPAddress address, ulong sessionId, string username = "-")
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (username.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException("An o= username has no spaces.", nameof(username));
        }

        Address = address;
        SessionId = sessionId;
        Version = sessionId;
        Username = username;
    }

    /// <summary>The advertised address written in the <c>o=</c> line.</summary>
    public IPAddress Address { get; }

    /// <summary>The session id, fixed for the leg's lifetime.</summary>
    public ulong SessionId { get; }

    /// <summary>The version of the last SDP sent (or of the first one to come).</summary>
    public ulong Version { get; private set; }

    /// <summary>The <c>o=</c> username.</summary>
    public string Username { get; }

    /// <summary>
    /// Records the SDP about to be sent (everything but its <c>o=</c> line) and returns the <c>o=</c> value to use:
    /// the same version when it equals the previous one, the next version when it differs.
    /// </summary>
    /// <param name="contentWithoutOrigin">The rest of the body, as it will be sent.</param>
    /// <returns>The value of the <c>o=</c> line (without <c>o=</c>).</returns>
    public string Stamp(string contentWithoutOrigin)
    {
        ArgumentNullException.ThrowIfNull(contentWithoutOrigin);
        if (_lastContent is not null && !string.Equals(_lastContent, contentWithoutOrigin, StringComparison.Ordinal))
        {
            Version++;
        }

        _lastContent = contentWithoutOrigin;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Username} {SessionId} {Version} IN {(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {Address}");
    }

    private static ulong RandomSessionId()
    {
        // 62 bits: positive as a signed 64-bit number too (some phones parse o= ids as int64) and far from overflow.
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes) >> 2;
    }
}
