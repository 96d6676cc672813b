using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Registrar;

/// <summary>
/// One registered contact of an extension. Send requests for it to <see cref="Target"/>, with <see cref="ContactUri"/> as
/// Request-URI.
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
    /// <summary>
    /// Where requests for this contact go. When the Contact names the address the REGISTER came from, the phone is
    /// reached directly and its Contact port is where it listens. Otherwise a NAT sits between (the Contact holds a
    /// private address the appliance cannot reach) and requests go back to the source address and port the REGISTER
    /// came from, which the NAT maps to the phone (RFC 3581 symmetric response routing, applied to requests).
    /// Over TCP they go over the phone's connection while it is open. Once it is gone (after a restart the binding has
    /// no connection at all) a directly reached phone gets a new connection to its Contact port: the source port of a
    /// connection the phone opened is an ephemeral one nobody listens on (baresip over TCP after a restart, issue #3 §7).
    /// </summary>
    public SipDestination Target
    {
        get
        {
            if (SipUri.TryParse(ContactUri, out var contact)
                && IPAddress.TryParse(contact.Host.Trim('[', ']'), out var host) && Unmapped(host).Equals(Unmapped(Received.Address)))
            {
                return new SipDestination(Transport, new IPEndPoint(Received.Address, contact.Port ?? 5060), ConnectionId);
            }
            return new SipDestination(Transport, Received, ConnectionId);
        }
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    internal bool SameKey(string contactUri, string? instanceId) =>
        instanceId is not null && InstanceId is not null
            ? string.Equals(InstanceId, instanceId, StringComparison.Ordinal)
            : string.Equals(ContactUri, contactUri, StringComparison.Ordinal);
}
