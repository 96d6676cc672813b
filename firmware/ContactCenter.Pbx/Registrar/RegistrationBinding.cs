using System.Net;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Registrar;

/// <summary>
/// One registered contact of an extension. Send requests for it to <see cref="Received"/> over <see cref="Transport"/>
/// (the address the REGISTER came from, so phones behind NAT are reached), with <see cref="ContactUri"/> as Request-URI.
/// </summary>
/// <param name="Extension">The extension number (the address-of-record's user).</param>
/// <param name="ContactUri">The Contact URI as registered.</param>
/// <param name="InstanceId">The <c>+sip.instance</c> value (RFC 5626), if any; with the extension it keys the binding.</param>
/// <param name="Transport">The transport the REGISTER came over.</param>
/// <param name="Received">The source address and port of the REGISTER (received/rport).</param>
/// <param name="ConnectionId">The connection it came on (TCP/TLS), 0 when unknown (UDP, or after a restart).</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="CallId">The REGISTER's Call-ID.</param>
/// <param name="CSeq">The REGISTER's CSeq number.</param>
/// <param name="UserAgent">The User-Agent, if any.</param>
public sealed record RegistrationBinding(
    string Extension,
    string ContactUri,
    string? InstanceId,
    SipTransportProtocol Transport,
    IPEndPoint Received,
    long ConnectionId,
    DateTimeOffset ExpiresAt,
    string CallId,
    long CSeq,
    string? UserAgent)
{
    internal bool SameKey(string contactUri, string? instanceId) =>
        instanceId is not null && InstanceId is not null
            ? string.Equals(InstanceId, instanceId, StringComparison.Ordinal)
            : string.Equals(ContactUri, contactUri, StringComparison.Ordinal);
}
