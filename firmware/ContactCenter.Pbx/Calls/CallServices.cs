using System.Net;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Calls;

/// <summary>What every call uses, handed over once by the <see cref="CallRouter"/>.</summary>
internal sealed record CallServices(
    SipStack Stack,
    RtpRelay Relay,
    CallRecordWriter Records,
    IRegistrationView Registrations,
    ExtensionDirectory Directory,
    CallOptions Options,
    TimeProvider Time,
    ILogger Logger,
    CallRouter Router,
    FeatureServices? Features,
    PresenceModel? Presence,
    ParkingServices? Parking,
    ParkingLot Lot)
{
    /// <summary>The methods the B2BUA handles in a dialog, advertised in Allow.</summary>
    public const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO";

    /// <summary>
    /// The address written in SDP for a peer reached over <paramref name="flow"/>: the relay's bind address when it is a
    /// specific one, else the local address the kernel routes towards the peer.
    /// </summary>
    public IPAddress MediaAddressFor(SipDestination flow)
    {
        if (Relay.BindAddress is { } bound && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }
        return IPAddress.Parse(SipLocalAddress.For(flow.EndPoint).Trim('[', ']'));
    }
}
